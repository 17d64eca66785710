import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { PrecompiledSet } from '../match/precompiled.js';

/**
 * Parsing the bundled YAML (rules, presets, vocabularies) was a fifth of a cold start. The
 * build writes each file's parse to `rules/.parsed.json`, by a hash of the file's text; at
 * load a file whose text hashes to an entry takes that parse. Content-addressed, so an edited
 * file misses and is parsed as before, and a copy in another place still hits.
 */
export const SNAPSHOT_FILE = '.parsed.json';

interface Snapshot {
  /** sha1 of the text (BOM removed) → the parsed data as JSON. */
  files: Record<string, string>;
  /** The rule set's pattern lists, compiled (see match/precompiled.ts). */
  patterns?: PrecompiledSet;
}

let snapshot: Snapshot | null | undefined;
let snapshotDirectory: (() => string) | undefined;

/** Where the snapshot is looked for (the rules directory), set once by the rule loader. */
export function useSnapshotIn(directory: () => string): void {
  if (!snapshotDirectory) snapshotDirectory = directory;
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function loadSnapshot(): Snapshot | null {
  if (snapshot !== undefined) return snapshot;
  snapshot = null;
  try {
    if (process.env.POLICYLINT_NO_SNAPSHOT || !snapshotDirectory) return snapshot;
    const parsed: unknown = JSON.parse(readFileSync(join(snapshotDirectory(), SNAPSHOT_FILE), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'files' in parsed && typeof parsed.files === 'object') snapshot = parsed as Snapshot;
  } catch {
    // No snapshot (a checkout before its first build): every file is parsed.
  }
  return snapshot;
}

/** The pattern lists compiled at build time, if the snapshot has them. */
export function snapshotPatterns(): PrecompiledSet | undefined {
  const patterns = loadSnapshot()?.patterns;
  return typeof patterns === 'object' && typeof patterns.compiler === 'string' && typeof patterns.entries === 'object' ? patterns : undefined;
}

/** The data a text parsed to at build time, or undefined (not in the snapshot). A fresh copy each call. */
export function snapshotParse(text: string): unknown {
  const entry = loadSnapshot()?.files[textHash(text)];
  return entry === undefined ? undefined : JSON.parse(entry);
}

/**
 * The snapshot's entry for a parsed file, or undefined when JSON would not give the same data
 * back (`.inf` comes back as null): such a file is parsed at load.
 */
export function snapshotEntry(text: string, data: unknown): [string, string] | undefined {
  // lib.d.ts types the result as string, but undefined (and functions) stringify to undefined.
  const json = JSON.stringify(data) as string | undefined;
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) return undefined;
  return [textHash(text), json];
}
