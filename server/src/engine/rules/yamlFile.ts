import { readFileSync } from 'node:fs';
import { parseDocument, LineCounter, isNode, type Document } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FileError } from './errors.js';
import { snapshotParse } from './parsedSnapshot.js';

export interface LoadedYaml {
  data: unknown;
  doc: Document;
  lines: LineCounter;
}

/** Parses YAML (or JSON, which is YAML) and reports syntax errors with their line. */
export function parseYamlText(text: string, file: string): LoadedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line;
    throw new FileError(file, line, `kan inte läsas: ${first.message.split('\n')[0]} / cannot be parsed`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for an alias bomb (aliases that expand exponentially).
    if (error instanceof ReferenceError) throw new FileError(file, undefined, `för många YAML-alias (mer än ${MAX_ALIAS_COUNT}); filen läses inte / too many YAML aliases; not read`);
    throw error;
  }
  return { data, doc, lines };
}

/** yaml's guard against alias bombs: aliases may expand to at most this many nodes each. */
const MAX_ALIAS_COUNT = 100;

export function loadYamlFile(file: string): LoadedYaml {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FileError(file, undefined, `kan inte läsas / cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const clean = text.replace(/^\uFEFF/, '');
  const data = snapshotParse(clean);
  return data === undefined ? parseYamlText(clean, file) : lazilyLocated(data, clean, file);
}

/**
 * A file taken from the build's snapshot: its data at once, and the YAML document (for the
 * line of a schema error) parsed only if something asks for it.
 */
function lazilyLocated(data: unknown, text: string, file: string): LoadedYaml {
  let parsed: LoadedYaml | undefined;
  const full = (): LoadedYaml => (parsed ??= parseYamlText(text, file));
  return {
    data,
    get doc() {
      return full().doc;
    },
    get lines() {
      return full().lines;
    },
  };
}

/** The line of the value at a JSON pointer path, for schema errors. */
export function lineOfPath(loaded: LoadedYaml, instancePath: string): number | undefined {
  const path = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let n = path.length; n >= 0; n--) {
    const node = loaded.doc.getIn(
      path.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      true,
    );
    if (isNode(node) && node.range) return loaded.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A key from the file, shortened and with control characters escaped, for messages. */
function quoted(key: string): string {
  const short = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return short.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The check kind of a rule file, when a key is required because of it. */
function kindOf(data: unknown): string | undefined {
  const kind = (data as { check?: { kind?: unknown } } | undefined)?.check?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

function describe(error: ErrorObject, data: unknown): string {
  const where = error.instancePath || '(roten / root)';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: okänd nyckel "${quoted(String(error.params.additionalProperty))}" / unknown key`;
    case 'required': {
      const missing = String(error.params.missingProperty);
      const kind = error.schemaPath.includes('/then/') ? kindOf(data) : undefined;
      if (kind) return `${where}: en regel med check.kind "${kind}" måste ha "${missing}" / a rule of kind "${kind}" needs the key "${missing}"`;
      return `${where}: saknar "${missing}" / missing key`;
    }
    case 'enum':
      return `${where}: måste vara en av ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} / must be one of these`;
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}

/** Validates and throws a FileError for the most specific schema error. */
export function validateYaml(loaded: LoadedYaml, validate: ValidateFunction, file: string): void {
  if (validate(loaded.data)) return;
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  const error = errors.sort((a, b) => b.instancePath.length - a.instancePath.length)[0] ?? validate.errors![0]!;
  // A key missing at the top because of the check's kind: point at the kind.
  const path = error.keyword === 'required' && error.instancePath === '' && error.schemaPath.includes('/then/') ? '/check/kind' : error.instancePath;
  throw new FileError(file, lineOfPath(loaded, path), describe(error, loaded.data));
}
