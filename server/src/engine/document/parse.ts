import type { Root, Nodes, Heading, Table, Html, Yaml, Parent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { LineIndex } from '../text/lineIndex.js';
import { blockSentences, type Sentence } from './sentences.js';
import type { OffsetRange } from '../types.js';

/** A block of running text: a paragraph, heading, list item paragraph or table cell. */
export interface Block extends OffsetRange {
  kind: 'heading' | 'paragraph' | 'cell';
  /** Heading depth (1–6), or 2 for a pseudo-heading ("Syfte:" alone on a line). */
  depth?: number;
  /** Plain text of the block (no Markup). */
  text: string;
  /** True when inside a list item. */
  listItem: boolean;
  /** Index of the enclosing top-level node, to tell where sections start. */
  topIndex: number;
}

export interface Heading_ extends OffsetRange {
  depth: number;
  text: string;
  /** Index into `blocks`. */
  block: number;
  /** True for a short line that acts as a heading in plain text pasted from a PDF. */
  pseudo: boolean;
}

export interface FrontMatter extends OffsetRange {
  data: Record<string, unknown>;
  error?: string;
}

export interface HtmlComment extends OffsetRange {
  value: string;
}

/** A parsed draft: everything checks need, computed once per lint. */
export interface PolicyDocument {
  text: string;
  lines: LineIndex;
  tree: Root;
  frontMatter?: FrontMatter;
  blocks: Block[];
  sentences: Sentence[];
  headings: Heading_[];
  tables: Table[];
  comments: HtmlComment[];
  /** Where the body starts: after front matter and a leading BOM. */
  bodyStart: number;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return node.type === 'break' ? '\n' : '';
}

function range(node: Nodes): OffsetRange {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** A one-line paragraph like "Syfte:" or "Uppföljning" that stands for a heading. */
function looksLikePseudoHeading(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 60 || /\n/.test(t)) return false;
  if (/[.!?,;]$/.test(t)) return false;
  if (!/^[\p{Lu}]/u.test(t)) return false;
  const words = t.split(/\s+/).length;
  return words <= 6;
}

export function parseDocument(text: string): PolicyDocument {
  const file = new VFile({ value: text });
  const tree = processor.parse(file) as Root;
  const lines = new LineIndex(text);
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  const headings: Heading_[] = [];
  const tables: Table[] = [];
  const comments: HtmlComment[] = [];
  let frontMatter: FrontMatter | undefined;

  const addBlock = (node: Nodes, kind: Block['kind'], listItem: boolean, topIndex: number, depth?: number): number => {
    const index = blocks.length;
    const block: Block = { ...range(node), kind, text: plainText(node), listItem, topIndex };
    if (depth !== undefined) block.depth = depth;
    blocks.push(block);
    for (const s of blockSentences(node, file, index)) sentences.push(s);
    return index;
  };

  const walk = (node: Nodes, listItem: boolean, topIndex: number): void => {
    switch (node.type) {
      case 'yaml': {
        frontMatter = readFrontMatter(node);
        return;
      }
      case 'html': {
        collectComments(node, comments);
        return;
      }
      case 'code':
        return;
      case 'heading': {
        const h = node as Heading;
        const index = addBlock(h, 'heading', listItem, topIndex, h.depth);
        for (const child of h.children) if (child.type === 'html') collectComments(child, comments);
        headings.push({ ...range(h), depth: h.depth, text: blocks[index]!.text.trim(), block: index, pseudo: false });
        return;
      }
      case 'paragraph': {
        const index = addBlock(node, 'paragraph', listItem, topIndex);
        // Collect inline HTML comments inside paragraphs too.
        for (const child of node.children) if (child.type === 'html') collectComments(child, comments);
        const b = blocks[index]!;
        if (!listItem && looksLikePseudoHeading(b.text)) pseudoCandidates.push({ index, top: topIndex });
        return;
      }
      case 'table': {
        tables.push(node as Table);
        for (const row of (node as Table).children) for (const cell of row.children) addBlock(cell, 'cell', false, topIndex);
        return;
      }
      case 'listItem':
        for (const child of node.children) walk(child as Nodes, true, topIndex);
        return;
      default:
        if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes, listItem, topIndex);
    }
  };

  const pseudoCandidates: { index: number; top: number }[] = [];
  tree.children.forEach((child, i) => walk(child as Nodes, false, i));
  // Text pasted from a PDF has no Markdown headings, only short lines ("Syfte:") that act as
  // them. In a Markdown draft such a line is a lead-in ("Kommunen" above a list), not a heading.
  const markdownSections = headings.filter((h) => h.depth >= 2).length;
  if (markdownSections === 0) {
    for (const { index, top } of pseudoCandidates) {
      const next = tree.children[top + 1];
      if (next?.type === 'list') continue;
      const b = blocks[index]!;
      b.depth = 2;
      headings.push({ start: b.start, end: b.end, depth: 2, text: b.text.trim().replace(/:$/, '').trim(), block: index, pseudo: true });
    }
    headings.sort((a, b) => a.start - b.start);
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc: PolicyDocument = { text, lines, tree, blocks, sentences, headings, tables, comments, bodyStart: frontMatter ? frontMatter.end : bom };
  if (frontMatter) doc.frontMatter = frontMatter;
  return doc;
}

function readFrontMatter(node: Yaml): FrontMatter {
  const r = range(node);
  try {
    const data = parseYaml(node.value) as unknown;
    if (data == null) return { ...r, data: {} };
    if (typeof data === 'object' && !Array.isArray(data)) return { ...r, data: data as Record<string, unknown> };
    return { ...r, data: {}, error: 'front matter är ingen mappning / front matter is not a mapping' };
  } catch (error) {
    return { ...r, data: {}, error: (error as Error).message };
  }
}

function collectComments(node: Html, out: HtmlComment[]): void {
  const re = /<!--([\s\S]*?)-->/g;
  const base = node.position?.start.offset ?? 0;
  for (let m = re.exec(node.value); m; m = re.exec(node.value)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length, value: m[1]!.trim() });
  }
}
