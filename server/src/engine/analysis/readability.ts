import type { PolicyDocument } from '../document/parse.js';
import type { Sentence } from '../document/sentences.js';
import type { Bilingual, OffsetRange } from '../types.js';

/**
 * LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage of words with
 * more than six letters. Pure functions over a parsed document, so an editor can show the
 * figures per section as well as the linter can judge them.
 */

export interface LixCounts {
  words: number;
  sentences: number;
  /** Words with more than six letters. */
  longWords: number;
}

export interface LixScore extends LixCounts {
  /** Rounded to one decimal; 0 for a text without words. */
  lix: number;
  level: LixLevel;
}

export type LixLevel = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

export interface SectionReadability extends LixScore {
  /** The heading that opens the section (its text and range). */
  heading: OffsetRange & { text: string; depth: number };
  /** From the heading to the next heading of any level: the text directly under it. */
  range: OffsetRange;
}

export interface DocumentReadability {
  document: LixScore;
  sections: SectionReadability[];
}

/** The usual Swedish scale (lix.se and the readability literature). */
export const LIX_LEVELS: Record<LixLevel, Bilingual> = {
  'very-easy': { sv: 'mycket lätt', en: 'very easy' },
  easy: { sv: 'lätt', en: 'easy' },
  medium: { sv: 'medelsvår', en: 'medium' },
  hard: { sv: 'svår', en: 'hard' },
  'very-hard': { sv: 'mycket svår', en: 'very hard' },
};

export function lixLevel(lix: number): LixLevel {
  if (lix < 30) return 'very-easy';
  if (lix < 40) return 'easy';
  if (lix < 50) return 'medium';
  if (lix <= 60) return 'hard';
  return 'very-hard';
}

export function lix(counts: LixCounts): LixScore {
  const value = counts.words === 0 || counts.sentences === 0 ? 0 : counts.words / counts.sentences + (100 * counts.longWords) / counts.words;
  const rounded = Math.round(value * 10) / 10;
  return { words: counts.words, sentences: counts.sentences, longWords: counts.longWords, lix: rounded, level: lixLevel(rounded) };
}

const LETTER = /\p{L}/gu;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
/** A word of plain Swedish letters: each UTF-16 unit is one letter, so its length is its letter count. */
const PLAIN_LETTERS = /^[a-zA-ZåäöÅÄÖéÉüÜ]+$/;

function letterCount(word: string): number {
  return PLAIN_LETTERS.test(word) ? word.length : (word.match(LETTER)?.length ?? 0);
}

/**
 * Counts per sentence, kept with the sentence's offsets array: it is shared by every copy of a
 * cached chunk's sentence, so an editor counts only the sentences an edit changed.
 */
const countsBySentence = new WeakMap<Int32Array, LixCounts>();

/** Counts of one sentence: tokens with a letter or digit are words; "long" is more than six letters. */
export function sentenceCounts(sentence: Sentence): LixCounts {
  let counts = countsBySentence.get(sentence.offsets);
  if (!counts) countsBySentence.set(sentence.offsets, (counts = countWords(sentence)));
  return counts;
}

function countWords(sentence: Sentence): LixCounts {
  let words = 0;
  let longWords = 0;
  for (const word of sentence.words) {
    if (!HAS_ALNUM.test(word.text)) continue;
    words++;
    // Six characters hold at most six letters: only longer words need counting (most are short).
    if (word.text.length > 6 && letterCount(word.text) > 6) longWords++;
  }
  return { words, sentences: words > 0 ? 1 : 0, longWords };
}

function addTo(sum: LixCounts, counts: LixCounts): void {
  sum.words += counts.words;
  sum.sentences += counts.sentences;
  sum.longWords += counts.longWords;
}

const ZERO: LixCounts = { words: 0, sentences: 0, longWords: 0 };

/**
 * Running text only: paragraphs and list items. Headings and table cells are fragments, not
 * sentences, and would make any document look easy.
 */
export function proseSentences(doc: PolicyDocument): Sentence[] {
  return doc.sentences.filter((s) => doc.blocks[s.block]?.kind === 'paragraph');
}

/** LIX for the whole document and for the text directly under each heading. */
export function documentReadability(doc: PolicyDocument): DocumentReadability {
  const prose = proseSentences(doc);
  const headings = doc.headings.filter((h) => !h.pseudo);
  // Sentences and headings are both in document order: one pass assigns each sentence its section.
  // Summed in place: an editor runs this on every keystroke over thousands of sentences.
  const perSection = headings.map((): LixCounts => ({ ...ZERO }));
  const total: LixCounts = { ...ZERO };
  let h = -1;
  for (const sentence of prose) {
    const counts = sentenceCounts(sentence);
    addTo(total, counts);
    while (h + 1 < headings.length && headings[h + 1]!.end <= sentence.start) h++;
    if (h >= 0) addTo(perSection[h]!, counts);
  }
  const sections: SectionReadability[] = headings.map((heading, i) => {
    const score = lix(perSection[i]!);
    // Field by field, not by spreading the score: a draft has hundreds of sections and this runs per keystroke.
    return {
      words: score.words,
      sentences: score.sentences,
      longWords: score.longWords,
      lix: score.lix,
      level: score.level,
      heading: { start: heading.start, end: heading.end, text: heading.text, depth: heading.depth },
      range: { start: heading.start, end: headings[i + 1]?.start ?? doc.text.length },
    };
  });
  return { document: lix(total), sections };
}
