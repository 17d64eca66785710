import type { Nodes as MdastNodes } from 'mdast';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Nodes as NlcstNodes } from 'nlcst';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseLatin } from 'parse-latin';
import type { VFile } from 'vfile';

/**
 * A sentence as plain text, with the source offset of every character, so that
 * matches in `text` map back to exact ranges in the Markdown file even when the
 * sentence spans emphasis, links or line breaks.
 */
export interface Sentence {
  text: string;
  /** Source offset of each character of `text`, relative to `base`. */
  offsets: Int32Array;
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

/** The same sentence placed `by` characters later, in a document whose blocks start at `firstBlock`. */
export function shiftSentence(sentence: Sentence, by: number, firstBlock: number): Sentence {
  if (by === 0 && firstBlock === 0) return sentence;
  return { ...sentence, base: sentence.base + by, start: sentence.start + by, end: sentence.end + by, block: sentence.block + firstBlock };
}

function collect(node: NlcstNodes, parts: { value: string; offset: number }[]): void {
  if ('value' in node) {
    const offset = node.position?.start.offset;
    if (offset !== undefined) parts.push({ value: node.value, offset });
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child as NlcstNodes, parts);
}

function toSentence(node: NlcstSentence, block: number): Sentence | undefined {
  const parts: { value: string; offset: number }[] = [];
  collect(node, parts);
  if (parts.length === 0) return undefined;
  let text = '';
  const offsets: number[] = [];
  for (const part of parts) {
    text += part.value;
    for (let i = 0; i < part.value.length; i++) offsets.push(part.offset + i);
  }
  const words: Word[] = [];
  let cursor = 0;
  for (const child of node.children) {
    const childParts: { value: string; offset: number }[] = [];
    collect(child as NlcstNodes, childParts);
    const length = childParts.reduce((n, p) => n + p.value.length, 0);
    if (child.type === 'WordNode') words.push({ text: text.slice(cursor, cursor + length), index: cursor, end: cursor + length });
    cursor += length;
  }
  return { text, offsets: Int32Array.from(offsets), base: 0, start: offsets[0]!, end: offsets[offsets.length - 1]! + 1, block, words };
}

const parser = new ParseLatin();

function sentencesOf(root: NlcstRoot): NlcstSentence[] {
  const out: NlcstSentence[] = [];
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') out.push(sentence);
  }
  return out;
}

/**
 * Splits every text block into sentences with one retext pass. (mdast-util-to-nlcst indexes
 * the whole file on each call, so one call per block would be quadratic in the file size.)
 * `blocks[i]` is the block node whose index is `blockIndexes[i]`, in document order.
 */
export function documentSentences(nodes: MdastNodes[], blockIndexes: number[], blockStarts: number[], file: VFile): Sentence[] {
  if (nodes.length === 0) return [];
  const root = { type: 'root', children: nodes, position: { start: nodes[0]!.position!.start, end: nodes[nodes.length - 1]!.position!.end } } as unknown as MdastNodes;
  let nlcst: NlcstRoot;
  try {
    nlcst = toNlcst(root, file, parser) as NlcstRoot;
  } catch {
    return [];
  }
  const out: Sentence[] = [];
  for (const node of sentencesOf(nlcst)) {
    const start = node.position?.start.offset;
    if (start === undefined) continue;
    // The block whose start is the last one at or before the sentence's start.
    let lo = 0;
    let hi = blockStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blockStarts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    const s = toSentence(node, blockIndexes[lo]!);
    if (s && s.text.trim()) out.push(s);
  }
  return out;
}

/** A table cell is one sentence: its text, with the offsets of its text nodes. */
export function cellSentence(node: MdastNodes, block: number): Sentence | undefined {
  let text = '';
  const offsets: number[] = [];
  const visit = (n: MdastNodes): void => {
    if ((n.type === 'text' || n.type === 'inlineCode') && n.position) {
      const base = n.position.start.offset! + (n.type === 'inlineCode' ? 1 : 0);
      for (let i = 0; i < n.value.length; i++) offsets.push(base + i);
      text += n.value;
    } else if ('children' in n) for (const c of n.children as MdastNodes[]) visit(c);
  };
  visit(node);
  if (!text.trim()) return undefined;
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&|¢'’-]*/gu)].map((m) => ({ text: m[0], index: m.index, end: m.index + m[0].length }));
  return { text, offsets: Int32Array.from(offsets), base: 0, start: offsets[0]!, end: offsets[offsets.length - 1]! + 1, block, words };
}
