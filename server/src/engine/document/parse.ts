import type { Nodes, Html, Yaml, Parent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { parse as parseYaml } from 'yaml';
import { simpleFrontMatter } from './frontMatter.js';
import { LineIndex } from '../text/lineIndex.js';
import { blockSentences, cellSentence, shiftSentence, type Sentence } from './sentences.js';
import { splitChunks } from './chunks.js';
import type { OffsetRange } from '../types.js';
import { findAll, findFirst, type TextMatch } from '../match/pattern.js';

/** A block of running text: a paragraph, heading, list item paragraph or table cell. */
export interface Block extends OffsetRange {
  kind: 'heading' | 'paragraph' | 'cell';
  /** Heading depth (1–6), or 2 for a pseudo-heading ("Syfte:" alone on a line). */
  depth?: number;
  /** Plain text of the block (no markup). */
  text: string;
  /** True when inside a list item. */
  listItem: boolean;
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

export interface TableCell extends OffsetRange {
  text: string;
}

export interface TableData extends OffsetRange {
  rows: TableCell[][];
}

/** A parsed draft: everything checks need, computed once per lint. */
export interface PolicyDocument {
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  blocks: Block[];
  sentences: Sentence[];
  headings: Heading_[];
  tables: TableData[];
  comments: HtmlComment[];
  /** Where the body starts: after front matter and a leading BOM. */
  bodyStart: number;
}

/** One chunk's parse, with offsets relative to the chunk so it can be reused anywhere. */
interface ParsedChunk {
  blocks: Block[];
  sentences: Sentence[];
  headings: Heading_[];
  tables: TableData[];
  comments: HtmlComment[];
  frontMatter?: FrontMatter;
  /** Short one-line paragraphs that may stand for headings in pasted plain text. */
  pseudoCandidates: PseudoCandidate[];
  /** The first top-level node is a list (a candidate that ends the chunk before it leads in to it). */
  startsWithList: boolean;
}

/** A chunk's parts shifted to where it stands in the document. */
interface PlacedChunk {
  chunk: ParsedChunk;
  base: number;
  firstBlock: number;
  blocks: Block[];
  sentences: Sentence[];
  headings: Heading_[];
  tables: TableData[];
  comments: HtmlComment[];
}

interface PseudoCandidate {
  block: number;
  beforeList: boolean;
  /** The candidate is the chunk's last top-level node: what follows is in the next chunk. */
  last: boolean;
}

/**
 * CommonMark with YAML front matter and the parts of GFM a draft uses: tables, strikethrough,
 * footnotes and task lists. Not GFM's autolink literals ("www.example.org" as a link): they
 * only wrap text that reads the same either way, and finding them was half of the parse time.
 *
 * A GFM construct is tried wherever its first character may stand (a table at every line),
 * so a text without any character a construct needs is parsed without it: the same tree,
 * a fifth less parse time on drafts of plain prose. Each test is a superset of what the
 * construct needs: a table's delimiter row has "|" or a colon beside a dash (":--", "--:"),
 * strikethrough needs "~", a footnote "^" and a task list item "[".
 */
const GFM_PARTS = [
  { needed: (text: string): boolean => text.includes('|') || text.includes(':-') || text.includes('-:'), syntax: gfmTable, tree: gfmTableFromMarkdown },
  { needed: (text: string): boolean => text.includes('~'), syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
  { needed: (text: string): boolean => text.includes('^'), syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  { needed: (text: string): boolean => text.includes('['), syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
] as const;

type ParseOptions = NonNullable<Parameters<typeof fromMarkdown>[1]>;

/** Parse options by which GFM parts are on (a bit per entry of GFM_PARTS), made on first use. */
const parseOptions: ParseOptions[] = [];

function optionsFor(text: string): ParseOptions {
  let mask = 0;
  for (let i = 0; i < GFM_PARTS.length; i++) if (GFM_PARTS[i]!.needed(text)) mask |= 1 << i;
  let options = parseOptions[mask];
  if (!options) {
    const parts = GFM_PARTS.filter((_, i) => mask & (1 << i));
    options = parseOptions[mask] = {
      extensions: [frontmatter(['yaml']), ...parts.map((p) => p.syntax())],
      mdastExtensions: [frontmatterFromMarkdown(['yaml']), ...parts.map((p) => p.tree())],
    };
  }
  return options;
}

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
  return t.split(/\s+/).length <= 6;
}

/** Parses one chunk (an editor) or a whole draft (the CLI); offsets are relative to `text`. */
function parseChunk(text: string): ParsedChunk {
  const tree = fromMarkdown(text, optionsFor(text));
  const chunk: ParsedChunk = { blocks: [], sentences: [], headings: [], tables: [], comments: [], pseudoCandidates: [], startsWithList: tree.children[0]?.type === 'list' };

  const addBlock = (node: Nodes, kind: Block['kind'], listItem: boolean, quoted: boolean, depth?: number): number => {
    const index = chunk.blocks.length;
    const block: Block = { ...range(node), kind, text: plainText(node), listItem };
    if (depth !== undefined) block.depth = depth;
    chunk.blocks.push(block);
    if (kind === 'cell') {
      const s = cellSentence(node, text, index);
      if (s) chunk.sentences.push(s);
    } else {
      for (const s of blockSentences(node, text, index, quoted)) chunk.sentences.push(s);
    }
    return index;
  };

  const walk = (node: Nodes, listItem: boolean, quoted: boolean, next: Nodes | undefined): void => {
    switch (node.type) {
      case 'yaml':
        chunk.frontMatter = readFrontMatter(node);
        return;
      case 'html':
        collectComments(node, chunk.comments);
        return;
      case 'code':
        return;
      case 'heading': {
        const h = node;
        const index = addBlock(h, 'heading', listItem, quoted, h.depth);
        for (const child of h.children) if (child.type === 'html') collectComments(child, chunk.comments);
        chunk.headings.push({ ...range(h), depth: h.depth, text: chunk.blocks[index]!.text.trim(), block: index, pseudo: false });
        return;
      }
      case 'paragraph': {
        const index = addBlock(node, 'paragraph', listItem, quoted);
        for (const child of node.children) if (child.type === 'html') collectComments(child, chunk.comments);
        if (!listItem && !quoted && looksLikePseudoHeading(chunk.blocks[index]!.text)) {
          chunk.pseudoCandidates.push({ block: index, beforeList: next?.type === 'list', last: node === tree.children[tree.children.length - 1] });
        }
        return;
      }
      case 'table': {
        const table = node;
        const data: TableData = { ...range(table), rows: [] };
        for (const row of table.children) {
          data.rows.push(row.children.map((cell) => ({ ...range(cell), text: plainText(cell) })));
          for (const cell of row.children) addBlock(cell, 'cell', false, quoted);
        }
        chunk.tables.push(data);
        return;
      }
      case 'listItem':
        for (const child of node.children) walk(child, true, quoted, undefined);
        return;
      default:
        if ('children' in node) {
          const children = (node as Parent).children as Nodes[];
          const inQuote = quoted || node.type === 'blockquote';
          children.forEach((child, i) => walk(child, listItem, inQuote, children[i + 1]));
        }
    }
  };
  tree.children.forEach((child, i) => walk(child, false, false, tree.children[i + 1]));
  chunk.sentences.sort((a, b) => a.start - b.start);
  return chunk;
}

/**
 * Parsed chunks by their text. An editor keeps one cache per document: after an edit only
 * the chunks whose text changed are parsed again.
 */
export class ParseCache {
  private current = new Map<string, ParsedChunk>();
  /** Check results attached to the cached chunks; they go when their chunk goes. */
  readonly blocks = new BlockCache();
  /** Each chunk of the latest version, shifted into place, by ordinal (parseDocument's). */
  readonly placed: (PlacedChunk | undefined)[] = [];

  parse(text: string): ParsedChunk {
    let chunk = this.current.get(text);
    if (!chunk) {
      // A chunk is a slice of the whole document, and a slice keeps its parent string alive:
      // cached as it is, every version of a long draft would stay in memory. Parse and key
      // a copy that owns its characters.
      const own = ownCopy(text);
      chunk = parseChunk(own);
      this.current.set(own, chunk);
    }
    return chunk;
  }

  /** Keeps only the chunks of the latest version (called after each document parse). */
  retain(texts: Set<string>): void {
    for (const key of this.current.keys()) if (!texts.has(key)) this.current.delete(key);
  }
}

/** A copy of `text` that does not point into a longer string (V8 keeps a slice's parent alive). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * `compute(arg)` once per owner and key; the results live as long as their owner. The argument
 * lets a caller pass one compute function per lint instead of a closure per call.
 */
function memoize<O extends object, K, A, T>(store: WeakMap<O, Map<K, unknown>>, owner: O, key: K, compute: (arg: A) => T, arg: A): T {
  let results = store.get(owner);
  if (!results) store.set(owner, (results = new Map<K, unknown>()));
  return memoIn(results, key, compute, arg);
}

function memoIn<K, A, T>(results: Map<K, unknown>, key: K, compute: (arg: A) => T, arg: A): T {
  const cached = results.get(key);
  if (cached !== undefined || results.has(key)) return cached as T;
  const value = compute(arg);
  results.set(key, value);
  return value;
}

/**
 * A sentence's results ride on its offsets array (shared by every shifted copy of the sentence,
 * and alive as long as its chunk): a property read, where a WeakMap lookup per sentence, rule
 * and keystroke was the largest single cost of an edit. Not enumerable: comparisons skip it.
 */
const SENTENCE_RESULTS = Symbol('sentence results');
type WithResults = Int32Array & { [SENTENCE_RESULTS]?: Map<unknown, unknown> };

function resultsOf(sentence: Sentence): Map<unknown, unknown> {
  const offsets = sentence.offsets as WithResults;
  let results = offsets[SENTENCE_RESULTS];
  if (!results) {
    results = new Map<unknown, unknown>();
    Object.defineProperty(offsets, SENTENCE_RESULTS, { value: results });
  }
  return results;
}

const noMatches = (): SentenceMatches => ({});

/** One pattern's results on one sentence: the first match (null: none) and all matches. */
interface SentenceMatches {
  first?: TextMatch | null;
  all?: TextMatch[];
}

/**
 * Check results kept between versions of one document (editors). Results are attached to
 * the objects of cached chunks (a sentence's offsets array, a passage built from a block), so
 * they are found by identity and die with their chunk.
 */
export class BlockCache {
  private readonly byObject = new WeakMap<object, Map<string, unknown>>();
  /** Results by key (a pattern, a rule's check) and text, for text that is not a whole sentence. */
  private readonly matches = new Map<object, Map<string, unknown>>();
  private matchCount = 0;

  /** A result for a sentence of a cached chunk (keyed by its offsets array, shared by every shifted copy). */
  forSentence<T>(sentence: Sentence, key: unknown, compute: () => T): T {
    return memoIn(resultsOf(sentence), key, compute, undefined);
  }

  /** `forSentence` with a compute that takes the sentence: made once per lint, not once per sentence. */
  ofSentence<T>(sentence: Sentence, key: unknown, compute: (sentence: Sentence) => T): T {
    return memoIn(resultsOf(sentence), key, compute, sentence);
  }

  /** A result for an object built from cached chunks (a passage). */
  forObject<T>(owner: object, key: string, compute: () => T): T {
    return memoize(this.byObject, owner, key, compute, undefined);
  }

  /**
   * One pattern's first match in a sentence (undefined: none), or all its matches. Called for
   * every sentence and pattern on each keystroke: no closures, one lookup when cached.
   */
  firstMatch(re: RegExp, sentence: Sentence): TextMatch | undefined {
    const entry = this.entryFor(re, sentence);
    if (entry.first === undefined) entry.first = findFirst(re, sentence.text) ?? null;
    return entry.first ?? undefined;
  }

  allMatches(re: RegExp, sentence: Sentence): TextMatch[] {
    const entry = this.entryFor(re, sentence);
    return (entry.all ??= findAll(re, sentence.text));
  }

  private entryFor(re: RegExp, sentence: Sentence): SentenceMatches {
    return memoIn(resultsOf(sentence), re, noMatches, undefined);
  }

  /**
   * A result that depends only on `text` and on what `key` stands for (a pattern, a rule's
   * check with the configuration's bodies): kept by text, so an unchanged sentence or
   * paragraph is not read again on the next keystroke. `compute` gets a copy of the text that
   * owns its characters: what it returns may hold slices of it (a match's text), and a slice
   * of the document would keep the whole document alive with the cached result.
   */
  forText<T>(key: object, text: string, compute: (text: string) => T): T {
    let byText = this.matches.get(key);
    if (!byText) this.matches.set(key, (byText = new Map<string, unknown>()));
    if (byText.has(text)) return byText.get(text) as T;
    const own = ownCopy(text);
    const value = compute(own);
    byText.set(own, value);
    // Bounded: a long editing session must not grow without end.
    if (++this.matchCount > 50_000) {
      this.matches.clear();
      this.matchCount = 0;
    }
    return value;
  }
}

const shift = <T extends OffsetRange>(r: T, by: number): T => (by === 0 ? r : { ...r, start: r.start + by, end: r.end + by });

/** `shift` for blocks, field by field: a spread of the two block shapes (with and without depth) was a third of placing. */
function shiftBlock(b: Block, by: number): Block {
  if (by === 0) return b;
  const out: Block = { start: b.start + by, end: b.end + by, kind: b.kind, text: b.text, listItem: b.listItem };
  if (b.depth !== undefined) out.depth = b.depth;
  return out;
}

function place(chunk: ParsedChunk, base: number, firstBlock: number): PlacedChunk {
  return {
    chunk,
    base,
    firstBlock,
    blocks: chunk.blocks.map((b) => shiftBlock(b, base)),
    sentences: chunk.sentences.map((s) => shiftSentence(s, base, firstBlock)),
    headings: chunk.headings.map((h) => ({ ...shift(h, base), block: h.block + firstBlock })),
    tables: chunk.tables.map((t) => ({ ...shift(t, base), rows: t.rows.map((row) => row.map((c) => shift(c, base))) })),
    comments: chunk.comments.map((c) => shift(c, base)),
  };
}

/**
 * Parses a draft given without a BOM (lintText strips it). With a cache, chunk by chunk (see
 * chunks.ts), reusing unchanged chunks; both ways give the same document (a property test
 * holds them to it).
 */
export function parseDocument(text: string, cache?: ParseCache): PolicyDocument {
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  const headings: Heading_[] = [];
  const tables: TableData[] = [];
  const comments: HtmlComment[] = [];
  const pseudo: { block: number; beforeList: boolean }[] = [];
  let openCandidate: { block: number; beforeList: boolean } | undefined;
  let frontMatter: FrontMatter | undefined;
  const seen = new Set<string>();

  // An editor parses by chunk so an edit re-parses one; a batch lint (the CLI) parses the
  // whole text at once: micromark's set-up per parse made chunking 25 % slower there.
  const spans = cache ? splitChunks(text) : [{ start: 0, end: text.length }];
  for (let spanIndex = 0; spanIndex < spans.length; spanIndex++) {
    const span = spans[spanIndex]!;
    const chunkText = text.slice(span.start, span.end);
    seen.add(chunkText);
    const chunk = cache ? cache.parse(chunkText) : parseChunk(chunkText);
    const base = span.start;
    const firstBlock = blocks.length;
    // Typing moves only the chunks after the edit: those before it keep their shifted parts,
    // so a keystroke does not rebuild every block and sentence of the draft.
    // Kept by the chunk's ordinal, not on the chunk: a draft may repeat a chunk's text.
    let placed = cache?.placed[spanIndex];
    if (!placed || placed.chunk !== chunk || placed.base !== base || placed.firstBlock !== firstBlock) {
      placed = place(chunk, base, firstBlock);
      if (cache) cache.placed[spanIndex] = placed;
    }
    for (const b of placed.blocks) blocks.push(b);
    for (const s of placed.sentences) sentences.push(s);
    for (const h of placed.headings) headings.push(h);
    for (const t of placed.tables) tables.push(t);
    for (const c of placed.comments) comments.push(c);
    if (openCandidate && chunk.startsWithList) openCandidate.beforeList = true;
    openCandidate = undefined;
    for (const p of chunk.pseudoCandidates) {
      const candidate = { block: p.block + firstBlock, beforeList: p.beforeList };
      pseudo.push(candidate);
      if (p.last) openCandidate = candidate;
    }
    if (chunk.frontMatter && span.start === 0) frontMatter = shift(chunk.frontMatter, base);
  }
  if (cache) {
    cache.retain(seen);
    cache.placed.length = spans.length;
  }

  // Text pasted from a PDF has no Markdown headings, only short lines ("Syfte:") that act as
  // them. In a Markdown draft such a line is a lead-in ("Kommunen" above a list), not a heading.
  if (!headings.some((h) => h.depth >= 2)) {
    for (const { block, beforeList } of pseudo) {
      if (beforeList) continue;
      const b = blocks[block]!;
      blocks[block] = { ...b, depth: 2 };
      headings.push({ start: b.start, end: b.end, depth: 2, text: b.text.trim().replace(/:$/, '').trim(), block, pseudo: true });
    }
    headings.sort((a, b) => a.start - b.start);
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The line index is built when first read (disable comments, the CLI's positions): an editor
  // linting a draft without comments never needs it, and it was a pass over the text per keystroke.
  let lines: LineIndex | undefined;
  const doc: PolicyDocument = {
    text,
    get lines(): LineIndex {
      return (lines ??= new LineIndex(text));
    },
    blocks,
    sentences,
    headings,
    tables,
    comments,
    bodyStart: frontMatter ? frontMatter.end : bom,
  };
  if (frontMatter) doc.frontMatter = frontMatter;
  return doc;
}

function readFrontMatter(node: Yaml): FrontMatter {
  const r = range(node);
  const simple = simpleFrontMatter(node.value);
  if (simple) return { ...r, data: simple };
  try {
    // logLevel 'error': odd keys ("[^1]: …") must not print Node warnings to the CLI's stderr.
    const data = parseYaml(node.value, { logLevel: 'error' }) as unknown;
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
