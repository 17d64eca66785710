// Suggestions on demand (code action, hover, --fix), never for every diagnostic:
// Hunspell's suggest() costs 100–250 ms a word.
import { repairCandidates } from '../ocr/candidates.js';
import { digraphCandidates, hasDigraph } from '../ocr/digraphs.js';
import type { Speller } from './hunspell.js';

const MAX_SUGGESTIONS = 8;

/** Digraph and OCR-style repairs first (cheap, and right for lost å/ä/ö), then Hunspell's own. */
export function suggestionsFor(word: string, speller: Speller): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (s !== word && !out.includes(s) && out.length < MAX_SUGGESTIONS) out.push(s);
  };
  // "paa": "på" (typed without å) before the one-letter repairs ("påa").
  if (hasDigraph(word)) for (const c of digraphCandidates(word, speller)) add(c.word);
  for (const c of repairCandidates(word, speller)) add(c.word);
  for (const s of speller.suggest(word)) add(s);
  return out;
}
