/**
 * Pattern lists compiled at build time (rules/.parsed.json, "patterns"), so a start does not
 * compile them again (loading the rule set: ~61 → ~42 ms; lists a lint compiles on first use
 * are found there too).
 *
 * An entry is found by a hash of everything the compiled expression depends on: the
 * compiler's own code (the compiled files of this directory), the vocabulary and the
 * patterns. Change any of them and the entry is missed and the list compiled as before; the
 * snapshot only records what this compiler gave for these inputs (see scripts/snapshot-rules.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Vocabulary } from './syntax.js';

/** One pattern (compilePattern) or a list of alternatives (compilePatterns): different expressions. */
export type CompileKind = 'one' | 'list';

/** An expression's source and its prefilter's (null: none). Both compile with their fixed flags. */
export type CompiledEntry = [source: string, prefilter: string | null];

export interface PrecompiledSet {
  /** compilerIdOf the compiler that made the entries. */
  compiler: string;
  entries: Record<string, CompiledEntry>;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/** The compiler's identity: a hash of the JavaScript files in `directory` (this one, compiled). */
export function compilerIdOf(directory: string): string {
  const hash = createHash('sha1');
  for (const name of readdirSync(directory)
    .filter((f) => f.endsWith('.js'))
    .sort())
    hash.update(`${name}\n`).update(readFileSync(join(directory, name)));
  return hash.digest('hex');
}

/** Set by the bundles' build (scripts/bundle.mjs): a bundle has no directory of compiled files. */
declare const __POLICYLINT_MATCH_ID__: string | undefined;

let ownId: string | null | undefined;
function compilerId(): string | undefined {
  if (ownId === undefined) {
    try {
      ownId = typeof __POLICYLINT_MATCH_ID__ === 'string' ? __POLICYLINT_MATCH_ID__ : compilerIdOf(dirname(fileURLToPath(import.meta.url)));
    } catch {
      ownId = null;
    }
  }
  return ownId ?? undefined;
}

const vocabularyHashes = new WeakMap<Vocabulary, string>();

function entryKey(kind: CompileKind, patterns: readonly string[], vocabulary: Vocabulary): string {
  let vocabularyHash = vocabularyHashes.get(vocabulary);
  if (vocabularyHash === undefined) vocabularyHashes.set(vocabulary, (vocabularyHash = sha1(JSON.stringify(vocabulary))));
  return sha1(`${kind}\n${vocabularyHash}\n${patterns.join('\u0000')}`);
}

let installed: PrecompiledSet | undefined;
let recording: Map<string, CompiledEntry> | undefined;

/** Uses `set` from now on, if this compiler made it (the rule loader passes the snapshot's). */
export function usePrecompiled(set: PrecompiledSet | undefined): void {
  if (recording) return;
  installed = set !== undefined && set.compiler === compilerId() ? set : undefined;
}

/** The build's entry for these inputs, if it has one. */
export function precompiled(kind: CompileKind, patterns: readonly string[], vocabulary: Vocabulary): CompiledEntry | undefined {
  return installed?.entries[entryKey(kind, patterns, vocabulary)];
}

/** From now on every compile is done afresh and recorded: what the build writes to the snapshot. */
export function startRecording(): () => PrecompiledSet {
  installed = undefined;
  const entries = (recording = new Map<string, CompiledEntry>());
  return () => ({ compiler: compilerId() ?? '', entries: Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1))) });
}

/** Called by the compiler after each compile. */
export function noteCompiled(kind: CompileKind, patterns: readonly string[], vocabulary: Vocabulary, re: RegExp, prefilter: RegExp | undefined): void {
  recording?.set(entryKey(kind, patterns, vocabulary), [re.source, prefilter?.source ?? null]);
}
