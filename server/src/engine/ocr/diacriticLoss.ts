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

export interface Paragraph {
  start: number;
  end: number;
  poor: boolean;
}

export interface DiacriticProfile {
  documentRatio: number;
  documentPoor: boolean;
  paragraphs: Paragraph[];
  /** Whether the passage containing `offset` has lost most of its å/ä/ö. */
  isPoorAt(offset: number): boolean;
}

/**
 * Paragraphs are separated by blank lines. A paragraph's estimate leans on the document's,
 * so one short paragraph cannot flip the verdict, but a long one can differ from the rest
 * (a clean paragraph pasted into an OCR text, or the other way round).
 */
/**
 * The verdict per paragraph from letter counts: what profileDiacritics decides, for callers
 * that keep the counts of unchanged paragraphs between edits.
 */
export function poorParagraphs(counts: readonly LetterCounts[]): { documentRatio: number; poor: boolean[] } {
  const total = counts.reduce((sum, c) => ({ letters: sum.letters + c.letters, diacritics: sum.diacritics + c.diacritics }), { letters: 0, diacritics: 0 });
  const documentRatio = estimatedRatio(total, SWEDISH_DIACRITIC_RATIO, DOCUMENT_PRIOR_LETTERS);
  return { documentRatio, poor: counts.map((c) => estimatedRatio(c, documentRatio, PARAGRAPH_PRIOR_LETTERS) < POOR_RATIO) };
}

export function profileDiacritics(text: string): DiacriticProfile {
  const doc = countLetters(text);
  const documentRatio = estimatedRatio(doc, SWEDISH_DIACRITIC_RATIO, DOCUMENT_PRIOR_LETTERS);
  const paragraphs: Paragraph[] = [];
  const separator = /\n[ \t]*\n\s*/gu;
  let start = 0;
  const push = (end: number) => {
    if (end <= start) return;
    const ratio = estimatedRatio(countLetters(text.slice(start, end)), documentRatio, PARAGRAPH_PRIOR_LETTERS);
    paragraphs.push({ start, end, poor: ratio < POOR_RATIO });
  };
  for (const m of text.matchAll(separator)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return {
    documentRatio,
    documentPoor: documentRatio < POOR_RATIO,
    paragraphs,
    isPoorAt(offset: number): boolean {
      // Binary search: paragraphs are sorted and disjoint.
      let lo = 0;
      let hi = paragraphs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const p = paragraphs[mid]!;
        if (offset < p.start) hi = mid - 1;
        else if (offset >= p.end) lo = mid + 1;
        else return p.poor;
      }
      return documentRatio < POOR_RATIO;
    },
  };
}
