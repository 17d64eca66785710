// Whole-document "restore Swedish characters": the safe repairs as text edits.
import type { Speller } from '../spelling/hunspell.js';
import { checkWords } from '../spelling/check.js';

export interface TextEdit {
  start: number;
  /** Exclusive. */
  end: number;
  original: string;
  replacement: string;
}

/** Edits for every OCR finding with one confident repair, in text order, non-overlapping. */
export function restoreText(text: string, speller: Speller, options: { userWords?: ReadonlySet<string> } = {}): TextEdit[] {
  return checkWords(text, speller, options)
    .ocr.filter((f) => f.repair.replacement !== undefined && f.repair.replacement !== f.word)
    .map((f) => ({ start: f.start, end: f.end, original: f.word, replacement: f.repair.replacement! }));
}

/** Apply non-overlapping edits (any order) to a string. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  return out + text.slice(at);
}
