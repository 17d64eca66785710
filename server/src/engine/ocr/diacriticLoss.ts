// Has a text lost its å/ä/ö? In Swedish about 4–5 % of letters are å, ä or ö (4.2–4.3 %
// in the clean municipal texts here); an OCR text that dropped them shows almost none.
// Only where they are lost may real words be read as their diacritic twins ("for" → "för").

/** Share of å/ä/ö among letters in ordinary Swedish prose. */
export const SWEDISH_DIACRITIC_RATIO = 0.043;
/** Below this (estimated) share a passage counts as having lost its diacritics. */
export const POOR_RATIO = 0.015;
// Pseudo-counts (in letters) for shrinking small samples towards the expected ratio:
// 100 letters without å/ä/ö are weak evidence (about 4 expected), 300 are strong (13).
const DOCUMENT_PRIOR_LETTERS = 300;
const PARAGRAPH_PRIOR_LETTERS = 100;

const LETTER = /\p{L}/u;
const DIACRITIC = /[åäöÅÄÖ]/u;

export interface LetterCounts {
  letters: number;
  diacritics: number;
}

export function countLetters(text: string): LetterCounts {
  let letters = 0;
  let diacritics = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII fast path; the rest (å, ä, ö, é …) through the Unicode letter test.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    else if (c > 127 && LETTER.test(text[i]!)) {
      letters++;
      if (DIACRITIC.test(text[i]!)) diacritics++;
    }
  }
  return { letters, diacritics };
}

/** Estimated share of å/ä/ö, shrunk towards `prior` by `priorLetters` pseudo-letters. */
export function estimatedRatio(counts: LetterCounts, prior: number, priorLetters: number): number {
  return (counts.diacritics + prior * priorLetters) / (counts.letters + priorLetters);
}

/**
 * Which paragraphs have lost their å/ä/ö, from each paragraph's letter counts (callers keep
 * the counts of unchanged paragraphs between edits). A paragraph's estimate leans on the
 * document's, so one short paragraph cannot flip the verdict, but a long one can differ from
 * the rest (a clean paragraph pasted into an OCR text, or the other way round).
 */
export function poorParagraphs(counts: readonly LetterCounts[]): { documentRatio: number; poor: boolean[] } {
  // A loop, not a reduce building a sum object per paragraph: this runs on every keystroke.
  const total = { letters: 0, diacritics: 0 };
  for (const c of counts) {
    total.letters += c.letters;
    total.diacritics += c.diacritics;
  }
  const documentRatio = estimatedRatio(total, SWEDISH_DIACRITIC_RATIO, DOCUMENT_PRIOR_LETTERS);
  return { documentRatio, poor: counts.map((c) => estimatedRatio(c, documentRatio, PARAGRAPH_PRIOR_LETTERS) < POOR_RATIO) };
}
