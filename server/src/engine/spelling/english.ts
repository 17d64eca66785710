// English sentences in a Swedish document (an English summary, a partner's quotation): their
// words are not Swedish misspellings. No English dictionary ships with policylint, so the
// spelling rule leaves them alone. Detection is the OCR rule's (ocr/language.ts): a sentence
// is English when enough of its words are English-only function words.
import { isEnglishPassage } from '../ocr/language.js';

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

const SENTENCE_END = /[.!?](?=\s+[\p{Lu}"”“«(]|\s*$)/gu;
const WORD = /\p{L}+/gu;

/** The spans of `text` that are English sentences. */
export function englishSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index + 1);
  if (ends.length === 0 || ends[ends.length - 1]! < text.length) ends.push(text.length);
  for (const end of ends) {
    const sentence = text.slice(start, end);
    const words = sentence.match(WORD) ?? [];
    if (isEnglishPassage(words)) out.push({ start, end });
    start = end;
  }
  return out;
}
