// The word rules' per-passage results, looked up by the passage's text: in a run over many
// drafts, a paragraph one draft shares with another (a standard clause, a heading, a
// boilerplate introduction) is checked once. Editors keep results per Passage object instead.
import type { Passage, PassageMemo } from './check.js';
import type { Speller } from './hunspell.js';
import { RecentCache, ownCopy } from './recentCache.js';

/** Characters of passage text kept (about 2 bytes each, plus the results). */
const MAX_TEXT = 4_000_000;
/** Each entry's weight beyond its text: its results and the Map's own bookkeeping. */
const ENTRY_WEIGHT = 200;
/** Results kept per passage text: one set per document context it was seen in, a few at most. */
const MAX_KEYS = 32;

const memos = new WeakMap<Speller, { version: number | undefined; memo: PassageMemo }>();

/**
 * A memo by passage text, one per speller and its version (results depend on what it
 * accepts). The cache keys of checkPassages name everything else a result depends on (the
 * document's defined abbreviations, the accepted words, the document-level verdicts).
 */
export function textMemo(speller: Speller): PassageMemo {
  let entry = memos.get(speller);
  if (!entry || entry.version !== speller.version) memos.set(speller, (entry = { version: speller.version, memo: createTextMemo(MAX_TEXT) }));
  return entry.memo;
}

export function createTextMemo(maxText: number): PassageMemo {
  const cache = new RecentCache<string, Map<string, unknown>>(maxText, (text) => text.length + ENTRY_WEIGHT);
  // A lint asks about each passage up to eight times: after the first, its results are found
  // by the passage object, without hashing and comparing its text again.
  const byPassage = new WeakMap<Passage, Map<string, unknown>>();
  return <T>(passage: Passage, key: string, compute: () => T, reusable?: () => boolean): T => {
    let results = byPassage.get(passage);
    if (!results) {
      results = cache.get(passage.text);
      if (results) byPassage.set(passage, results);
    }
    if (results?.has(key)) return results.get(key) as T;
    const value = compute();
    if (reusable && !reusable()) return value;
    if (results) {
      if (results.size >= MAX_KEYS) results.clear();
      results.set(key, value);
    } else {
      results = new Map([[key, value]]);
      cache.set(ownCopy(passage.text), results);
      byPassage.set(passage, results);
    }
    return value;
  };
}
