// Swedish typed without å, ä and ö: "aa" for å, "ae" for ä, "oe" for ö ("paa" = på,
// "aarlig" = årlig, "Aamaal" = Åmål, "foer" = för). A damage class of its own: the repair
// removes a letter, which the one-letter OCR repairs never do, so "paa" becomes "på" and
// not the dictionary's rare "påa".
import type { Speller } from '../spelling/hunspell.js';
import { CachePerSpeller, ownCopy } from '../spelling/recentCache.js';
import { repairCandidates, type Candidate, type SearchBudget } from './candidates.js';

const DIGRAPH = /aa|ae|oe/giu;
const REPLACEMENT: Readonly<Record<string, string>> = {
  aa: 'å',
  ae: 'ä',
  oe: 'ö',
  Aa: 'Å',
  AA: 'Å',
  aA: 'å',
  Ae: 'Ä',
  AE: 'Ä',
  aE: 'ä',
  Oe: 'Ö',
  OE: 'Ö',
  oE: 'ö',
};
/** More digraphs than this in one word is not a typed Swedish word (2^6 variants at most). */
const MAX_DIGRAPHS = 6;

export function hasDigraph(word: string): boolean {
  DIGRAPH.lastIndex = 0;
  return DIGRAPH.test(word);
}

// Bounded like the candidate cache (see candidates.ts).
const caches = new CachePerSpeller<Candidate[]>(20_000);

/**
 * Dictionary words the word becomes when some of its digraphs stand for å/ä/ö, fewest
 * replacements first; `edits` counts replaced digraphs plus any å/ä/ö restored besides
 * ("forutsaettningar" → "förutsättningar"). [] for a dictionary word.
 */
export function digraphCandidates(word: string, speller: Speller, budget?: SearchBudget): Candidate[] {
  const cache = caches.for(speller);
  const hit = cache.get(word);
  if (hit) return hit;
  const found = search(word, speller, budget);
  if (!budget || budget.left > 0) cache.set(ownCopy(word), found);
  return found;
}

function search(word: string, speller: Speller, budget?: SearchBudget): Candidate[] {
  if (speller.correct(word)) return [];
  const positions: number[] = [];
  for (let i = 0; i < word.length - 1 && positions.length <= MAX_DIGRAPHS; i++) {
    if (REPLACEMENT[word.slice(i, i + 2)]) {
      positions.push(i);
      i++; // "aaa": the first pair only
    }
  }
  if (positions.length === 0 || positions.length > MAX_DIGRAPHS) return [];
  const found: Candidate[] = [];
  const subsets = 1 << positions.length;
  // Subsets by size: fewer replacements first.
  const order = Array.from({ length: subsets - 1 }, (_, i) => i + 1).sort((a, b) => bits(a) - bits(b) || a - b);
  for (const mask of order) {
    if (budget && budget.left <= 0) break;
    const variant = replace(word, positions, mask);
    if (budget) budget.left--;
    if (speller.correct(variant)) found.push({ word: variant, edits: bits(mask) });
  }
  if (found.length > 0) return found;
  // Both conventions mixed: the digraphs replaced, and a lost å/ä/ö besides.
  const all = replace(word, positions, subsets - 1);
  return repairCandidates(all, speller, { diacriticsOnly: true, maxEdits: 2, budget }).map((c) => ({ word: c.word, edits: c.edits + positions.length }));
}

function replace(word: string, positions: readonly number[], mask: number): string {
  let out = '';
  let at = 0;
  positions.forEach((p, k) => {
    if (!(mask & (1 << k))) return;
    out += word.slice(at, p) + REPLACEMENT[word.slice(p, p + 2)]!;
    at = p + 2;
  });
  return out + word.slice(at);
}

function bits(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
