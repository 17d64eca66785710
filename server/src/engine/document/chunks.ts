/**
 * Splits Markdown into chunks that parse the same alone as in the whole document: a chunk
 * ends at a blank line followed by an unindented line, outside fenced code, front matter
 * and HTML comments. Editors re-parse only the chunks an edit touched.
 */
export interface ChunkSpan {
  start: number;
  end: number;
}

/**
 * A link or footnote definition ("[1]: https://…", "[^1]: …"), also inside lists and quotes.
 * References resolve across the whole document, so a draft with one is a single chunk.
 * Loose on purpose: a false hit only costs incremental parsing.
 */
const DEFINITION = /^[ \t>*+\-\d.)]*\[[^\]\r\n]+\]:/m;

const FRONT_MATTER_FENCE = /^---[ \t]*$/;
/**
 * HTML blocks that run across blank lines until their end marker (CommonMark types 1, 3, 4
 * and 5; comments, type 2, are tracked on their own): the start, and what ends it.
 */
const RAW_HTML_BLOCKS: readonly { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
];
const EMPTY_LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/;

/** The first character after up to three spaces of indentation ('' if none). */
function firstNonSpace(line: string): string {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  return line.charAt(i);
}

export function splitChunks(text: string): ChunkSpan[] {
  // A definition needs "]:"; the substring search rules out most drafts before the line-anchored scan.
  if (text.includes(']:') && DEFINITION.test(text)) return [{ start: 0, end: text.length }];
  const spans: ChunkSpan[] = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let inFrontMatter = false;
  let previousBlank = false;
  let htmlBlock = false;
  let rawHtmlEnd: RegExp | undefined;
  let first = true;
  // A draft without "<" has no HTML block to follow, and one without "<!--" no comment: most
  // drafts skip both per line (the editor splits the whole draft on every keystroke).
  const mayHtml = text.includes('<');
  const mayComment = mayHtml && text.includes('<!--');
  // Lines end at \n, \r\n or a lone \r; found with indexOf rather than a match per line (the
  // editor splits the whole draft on every keystroke).
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (let lineStart = 0, next = 0; lineStart < text.length; lineStart = next) {
    if (nextLf >= 0 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    if (nextCr >= 0 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    const end = Math.min(nextLf < 0 ? text.length : nextLf, nextCr < 0 ? text.length : nextCr);
    next = end === text.length ? end : end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    const line = text.slice(lineStart, end);
    if (first && /^\uFEFF?---\s*$/.test(line)) inFrontMatter = true;
    else if (inFrontMatter) {
      if (/^---\s*$/.test(line)) inFrontMatter = false;
    } else if (
      !inComment &&
      !fence &&
      !rawHtmlEnd &&
      previousBlank &&
      lineStart > chunkStart &&
      /^[^\s]/.test(line) &&
      !/^(?:```|~~~)/.test(line) &&
      !FRONT_MATTER_FENCE.test(line) &&
      !EMPTY_LIST_ITEM.test(line)
    ) {
      // A chunk starting with "---" would parse as front matter (only the document's start may);
      // an empty list item ("- ") parses by what precedes it (micromark makes it a paragraph
      // after indented code).
      spans.push({ start: chunkStart, end: lineStart });
      chunkStart = lineStart;
    }
    first = false;
    if (!inFrontMatter) {
      // Most lines are prose: the fence and HTML patterns only run on a line that opens with one.
      const opening = firstNonSpace(line);
      const f = opening === '`' || opening === '~' ? /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line) : null;
      if (rawHtmlEnd) {
        if (rawHtmlEnd.test(line)) rawHtmlEnd = undefined;
      } else if (mayHtml && !fence && !inComment && opening === '<') {
        const block = RAW_HTML_BLOCKS.find((b) => b.start.test(line));
        // The block may end on the line it starts ("<!DOCTYPE html>").
        if (block) rawHtmlEnd = block.end.test(line.replace(block.start, '')) ? undefined : block.end;
      }
      if (f && !fence && !rawHtmlEnd && !(f[2]![0] === '`' && f[3]!.includes('`'))) {
        // Where a fence inside a raw HTML block or a list item ends takes CommonMark's container
        // rules; rather than guess, such a draft is one chunk. Fences in drafts are rare.
        if (htmlBlock || f[1]!.length > 0) return [{ start: 0, end: text.length }];
        fence = f[2]!;
      } else if (f && fence && f[2]![0] === fence[0] && f[2]!.length >= fence.length && f[3]!.trim() === '') fence = undefined;
      if (mayComment && !fence) {
        const open = line.lastIndexOf('<!--');
        const close = line.lastIndexOf('-->');
        if (open >= 0 && open > close - 2) inComment = !line.slice(open).includes('-->');
        else if (close >= 0) inComment = false;
      }
    }
    previousBlank = line.trim() === '';
    if (previousBlank) htmlBlock = false;
    else if (mayHtml && !fence && /^ {0,3}</.test(line)) htmlBlock = true;
  }
  if (chunkStart < text.length || spans.length === 0) spans.push({ start: chunkStart, end: text.length });
  return spans;
}
