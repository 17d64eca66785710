import type { Nodes as MdastNodes } from 'mdast';
import { ParseLatin } from 'parse-latin';
import { inlineText, MARK, type InlineText } from './inlineText.js';
import { canSplit, splitLatin, type SplitSentence, type SplitWord } from './latinSplit.js';

/**
 * A sentence as plain text, with the source offset of every character, so that
 * matches in `text` map back to exact ranges in the Markdown file even when the
 * sentence spans emphasis, links, line breaks, escapes or block-quote markers.
 */
export interface Sentence {
  text: string;
  /** Source offset of each character of `text`, relative to `base`. */
  offsets: Int32Array;
  /** What each character of `text` is: prose, quoted, literal (URL, code), rewritten (see MARK). */
  marks: Uint8Array;
  /** Added to `offsets`: lets a parsed chunk be reused at another place in the document. */
  base: number;
  start: number;
  end: number;
  /** Index of the block (paragraph, heading, cell) the sentence belongs to. */
  block: number;
  /** The words of the sentence with their offsets in `text`. */
  words: Word[];
}

export interface Word {
  text: string;
  /** Offsets into the sentence text. */
  index: number;
  end: number;
}

export function sentenceRange(sentence: Sentence, index: number, end: number): { start: number; end: number } {
  const last = Math.max(index, end - 1);
  return { start: sentence.base + sentence.offsets[index]!, end: sentence.base + sentence.offsets[last]! + 1 };
}

/**
 * How the characters `index`..`end` of a sentence may be changed: `exact` when they are a
 * plain, contiguous copy of the source in ordinary prose (a fix can replace them), otherwise
 * the strongest protection among them.
 */
export function sentenceSpan(sentence: Sentence, index: number, end: number): 'exact' | 'markup' | 'quoted' | 'literal' {
  let marks = 0;
  for (let k = index; k < end; k++) marks |= sentence.marks[k]!;
  if (marks & MARK.literal) return 'literal';
  if (marks & MARK.quoted) return 'quoted';
  if (marks & MARK.rewritten) return 'markup';
  const range = sentenceRange(sentence, index, end);
  return range.end - range.start === end - index ? 'exact' : 'markup';
}

/** The same sentence placed `by` characters later, in a document whose blocks start at `firstBlock`. */
export function shiftSentence(sentence: Sentence, by: number, firstBlock: number): Sentence {
  if (by === 0 && firstBlock === 0) return sentence;
  return { ...sentence, base: sentence.base + by, start: sentence.start + by, end: sentence.end + by, block: sentence.block + firstBlock };
}

const parser = new ParseLatin();

/** A block's text with its maps as typed arrays; sentences are views into them. */
interface BlockText {
  text: string;
  offsets: Int32Array;
  marks: Uint8Array;
}

const typed = (inline: InlineText): BlockText => ({ text: inline.text, offsets: Int32Array.from(inline.offsets), marks: Uint8Array.from(inline.marks) });

/** The sentence at `from`..`to` of a block, with the words (block offsets) that lie inside it. */
function slice(inline: BlockText, from: number, to: number, block: number, words: readonly SplitWord[]): Sentence | undefined {
  // Sentences start and end on a character of the text, never on surrounding white space.
  while (from < to && /\s/.test(inline.text[from]!)) from++;
  while (to > from && /\s/.test(inline.text[to - 1]!)) to--;
  if (from >= to) return undefined;
  const offsets = inline.offsets.subarray(from, to);
  const marks = inline.marks.subarray(from, to);
  const inside: Word[] = [];
  for (const w of words) if (w.start >= from && w.end <= to) inside.push({ text: inline.text.slice(w.start, w.end), index: w.start - from, end: w.end - from });
  return { text: inline.text.slice(from, to), offsets, marks, base: 0, start: offsets[0]!, end: offsets[offsets.length - 1]! + 1, block, words: inside };
}

const offsetOf = (node: { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }, side: 'start' | 'end'): number =>
  node.position?.[side].offset ?? 0;

/** Sentence and word boundaries of a block's text, as parse-latin finds them. */
function split(text: string): SplitSentence[] {
  // The common case without the syntax tree (see latinSplit.ts); other scripts through parse-latin.
  if (canSplit(text)) return splitLatin(text);
  const out: SplitSentence[] = [];
  for (const paragraph of parser.parse(text).children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const words: SplitWord[] = [];
      for (const child of sentence.children) if (child.type === 'WordNode') words.push({ start: offsetOf(child, 'start'), end: offsetOf(child, 'end') });
      out.push({ start: offsetOf(sentence, 'start'), end: offsetOf(sentence, 'end'), words });
    }
  }
  return out;
}

/**
 * Splits one block (paragraph, heading) into sentences as parse-latin does, on the block's own
 * source-mapped text: a sentence never spans two blocks, and every offset is exact.
 */
export function blockSentences(node: MdastNodes, source: string, block: number, quoted: boolean): Sentence[] {
  const built = inlineText(node, source, quoted);
  if (!built.text.trim()) return [];
  const inline = typed(built);
  const out: Sentence[] = [];
  for (const sentence of split(inline.text)) {
    const s = slice(inline, sentence.start, sentence.end, block, sentence.words);
    if (s) out.push(s);
  }
  return out;
}

/** A table cell is one sentence: its text, with exact source offsets. */
export function cellSentence(node: MdastNodes, source: string, block: number): Sentence | undefined {
  const built = inlineText(node, source, false);
  if (!built.text.trim()) return undefined;
  const inline = typed(built);
  const words = [...inline.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&|¢'’-]*/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return slice(inline, 0, inline.text.length, block, words);
}
