import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SourceClause, SourceDocument } from './model.js';
import { FileError } from './errors.js';
import { snapshotParse } from './parsedSnapshot.js';

/**
 * Reads the bundled source documents (rules/sources/*.md). A clause is the text after an
 * `<a id="…"></a>` line up to the next anchor or heading; rules cite clauses by that id.
 */
export function loadSources(directory: string): Map<string, SourceDocument> {
  const out = new Map<string, SourceDocument>();
  let files: string[];
  try {
    files = readdirSync(directory)
      .filter((f) => f.endsWith('.md'))
      .sort();
  } catch {
    return out;
  }
  for (const name of files) {
    const file = join(directory, name);
    const doc = parseSource(readFileSync(file, 'utf8'), file);
    out.set(doc.id, doc);
  }
  return out;
}

const ANCHOR = /^<a id="([^"]+)"><\/a>\s*$/;

/** A source's front matter: from the build's snapshot when its text is there (see snapshot-rules). */
export function parseFrontMatter(yaml: string): unknown {
  return snapshotParse(yaml) ?? parseYaml(yaml);
}

/** The front matter of a source document's text, or undefined. */
export function frontMatterOf(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== '---') return undefined;
  const end = lines.indexOf('---', 1);
  return end < 0 ? undefined : lines.slice(1, end).join('\n');
}

export function parseSource(text: string, file: string): SourceDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let meta: Record<string, unknown> = {};
  let i = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new FileError(file, 1, 'front matter saknar avslutande --- / unterminated front matter');
    meta = (parseFrontMatter(lines.slice(1, end).join('\n')) ?? {}) as Record<string, unknown>;
    i = end + 1;
  }
  const id = scalar(meta.id);
  if (!id) throw new FileError(file, 1, 'front matter saknar "id" / missing id');
  const clauses = new Map<string, SourceClause>();
  let section = scalar(meta.title);
  let current: SourceClause | undefined;
  const finish = (): void => {
    if (current) current.text = current.text.replace(/\s+/g, ' ').trim();
    current = undefined;
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const anchor = ANCHOR.exec(line);
    if (anchor) {
      finish();
      if (clauses.has(anchor[1]!)) throw new FileError(file, i + 1, `ankaret "${anchor[1]}" finns redan / duplicate anchor`);
      current = { id: anchor[1]!, document: id, section, text: '', line: i + 1 };
      clauses.set(current.id, current);
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      if (current && !current.text.trim()) {
        current.section = section;
        current.text = section;
      }
      finish();
      continue;
    }
    if (current) current.text += ` ${line.replace(/^\s*[-*]\s+/, '')}`;
  }
  finish();
  const doc: SourceDocument = {
    id,
    municipality: scalar(meta.municipality),
    title: scalar(meta.title),
    file,
    clauses,
  };
  const opt = (key: string): string | undefined => (meta[key] === undefined ? undefined : scalar(meta[key]));
  const type = opt('type');
  if (type) doc.type = type;
  const adoptedBy = opt('adopted-by');
  if (adoptedBy) doc.adoptedBy = adoptedBy;
  const adopted = opt('adopted');
  if (adopted) doc.adopted = adopted;
  const paragraph = opt('paragraph');
  if (paragraph) doc.paragraph = paragraph;
  const note = opt('note');
  if (note) doc.note = note;
  return doc;
}

/** Whitespace-insensitive containment, so quotes can be wrapped in YAML. */
export function clauseContains(clause: SourceClause, quote: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return norm(clause.text).includes(norm(quote));
}

/** A front matter value as text: a date as ISO, a string, number or boolean as written, anything else empty. */
function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
