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
  offsets: Int32Array;
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
  return { start: sentence.offsets[index]!, end: sentence.offsets[last]! + 1 };
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
  return { text, offsets: Int32Array.from(offsets), start: offsets[0]!, end: offsets[offsets.length - 1]! + 1, block, words };
}

const parser = new ParseLatin();

/** Splits one block node (paragraph, heading, table cell) into sentences. */
export function blockSentences(node: MdastNodes, file: VFile, block: number): Sentence[] {
  // mdast-util-to-nlcst skips table cells; a cell read as a paragraph keeps its text.
  const target = node.type === 'tableCell' ? ({ ...node, type: 'paragraph' } as MdastNodes) : node;
  let root: NlcstRoot;
  try {
    root = toNlcst(target, file, parser) as NlcstRoot;
  } catch {
    return [];
  }
  const out: Sentence[] = [];
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const s = toSentence(sentence, block);
      if (s && s.text.trim()) out.push(s);
    }
  }
  return out;
}
