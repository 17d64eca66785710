import type { DocumentTypesFile, SwedishWords } from './model.js';
import { FileError } from './errors.js';
import { lineOfPath, loadYamlFile, type LoadedYaml } from './yamlFile.js';

/**
 * The word data files of rules/vocabulary/ that are not rule patterns: checked here, so a
 * missing list or a number where a word belongs fails at load with the file, key and line.
 */

function fail(loaded: LoadedYaml, file: string, path: string, cause: string): never {
  throw new FileError(file, lineOfPath(loaded, path), `${path.slice(1).replace(/\//g, '.')}: ${cause}`);
}

function words(loaded: LoadedYaml, file: string, path: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(loaded, file, path, 'ska vara en lista med ord / must be a list of words');
  value.forEach((w, i) => {
    if (typeof w !== 'string' || !w.trim()) fail(loaded, file, `${path}/${i}`, 'ska vara ett ord / must be a word');
  });
  return value as string[];
}

const SWEDISH_KEYS: readonly (keyof SwedishWords)[] = ['continuation', 'fronted', 'clauseBreaks', 'selfReferences', 'notNames', 'adoptionFiller'];

export function readSwedishWords(file: string): SwedishWords {
  const loaded = loadYamlFile(file);
  const data = (loaded.data ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(data)) if (!SWEDISH_KEYS.includes(key as keyof SwedishWords)) fail(loaded, file, `/${key}`, `okänd nyckel; finns: ${SWEDISH_KEYS.join(', ')} / unknown key`);
  const out = {} as SwedishWords;
  for (const key of SWEDISH_KEYS) out[key] = words(loaded, file, `/${key}`, data[key]);
  return out;
}

export function readDocumentTypes(file: string): DocumentTypesFile {
  const loaded = loadYamlFile(file);
  const data = (loaded.data ?? {}) as { types?: unknown; unknown?: unknown };
  if (!Array.isArray(data.types) || data.types.length === 0) fail(loaded, file, '/types', 'ska vara en lista med dokumenttyper / must be a list of document types');
  const types = data.types.map((t: unknown, i: number) => {
    const entry = (t ?? {}) as Record<string, unknown>;
    const text = (key: string): string => {
      const v = entry[key];
      if (typeof v !== 'string' || !/\S/.test(v)) fail(loaded, file, `/types/${i}/${key}`, `saknar text / missing text`);
      return v;
    };
    const id = text('id');
    if (!/^[a-zåäö][a-zåäö0-9-]*$/.test(id)) fail(loaded, file, `/types/${i}/id`, 'ska vara gemener / must be lower case');
    return { id, words: words(loaded, file, `/types/${i}/words`, entry.words), definite: text('definite'), title: text('title') };
  });
  if (typeof data.unknown !== 'string' || !data.unknown) fail(loaded, file, '/unknown', 'saknar text / missing text');
  return { types, unknown: data.unknown };
}
