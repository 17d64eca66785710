import type { Nodes, Parent, Link } from 'mdast';

/**
 * The running text of one block (paragraph, heading, table cell) with, for every character,
 * the source offset it comes from and what it is. The Markdown parser's text differs from the
 * source wherever it removed syntax inside a line run (continuation indentation of list items,
 * "> " of block quotes, backslash escapes, entities, CRLF), so offsets are found by walking the
 * value and the source side by side, never by assuming the value is a copy of the source.
 */
export interface InlineText {
  text: string;
  offsets: number[];
  marks: number[];
}

/** What a character of the text is; fixes and replacement rules read these (see protected.ts). */
export const MARK = {
  /** Ordinary prose. */
  prose: 0,
  /** Inside a quotation or block quote: quoted words stay as they were written. */
  quoted: 1,
  /** Inside a URL, e-mail address, inline code or autolink: not prose at all. */
  literal: 2,
  /** Bit set when the character is not a plain copy of the source (entity, escape, break). */
  rewritten: 4,
} as const;

/** Builds the inline text of a block node; `quoted` for blocks inside a block quote. */
export function inlineText(node: Nodes, source: string, quoted: boolean): InlineText {
  const out: InlineText = { text: '', offsets: [], marks: [] };
  const base = quoted ? MARK.quoted : MARK.prose;
  const parts: string[] = [];
  const push = (value: string, offsets: readonly number[], marks: readonly number[] | number): void => {
    parts.push(value);
    const outOffsets = out.offsets;
    const outMarks = out.marks;
    for (let i = 0; i < value.length; i++) outOffsets.push(offsets[i]!);
    if (typeof marks === 'number') for (let i = 0, mark = marks | base; i < value.length; i++) outMarks.push(mark);
    else for (let i = 0; i < value.length; i++) outMarks.push(marks[i]! | base);
  };
  const visit = (n: Nodes): void => {
    switch (n.type) {
      case 'text': {
        const mapped = align(n.value, source, n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
        push(n.value, mapped.offsets, mapped.marks);
        return;
      }
      case 'inlineCode': {
        // The source with its backticks: code is not prose and is never changed.
        const start = n.position?.start.offset ?? 0;
        const value = source.slice(start, n.position?.end.offset ?? start);
        push(value, range(start, value.length), MARK.literal);
        return;
      }
      case 'break': {
        const start = n.position?.start.offset ?? 0;
        push('\n', [start], [MARK.rewritten]);
        return;
      }
      case 'image':
      case 'imageReference': {
        if (!n.alt) return;
        const start = (n.position?.start.offset ?? 0) + 2;
        const mapped = align(n.alt, source, start, n.position?.end.offset ?? start);
        push(
          n.alt,
          mapped.offsets,
          mapped.marks.map((m) => m | MARK.quoted),
        );
        return;
      }
      case 'link':
        if (isAutolink(n, source)) {
          const start = n.position?.start.offset ?? 0;
          const end = n.position?.end.offset ?? start;
          const value = source.slice(start + 1, end - 1);
          push(value, range(start + 1, value.length), MARK.literal);
          return;
        }
        for (const child of n.children) visit(child);
        return;
      default:
        if ('children' in n) for (const child of (n as Parent).children) visit(child);
    }
  };
  if ('children' in node) for (const child of (node as Parent).children) visit(child);
  out.text = parts.join('');
  markLiterals(out);
  return out;
}

/** `<https://…>` and `<a@b.se>`: the link is its own text, between angle brackets. */
function isAutolink(link: Link, source: string): boolean {
  const start = link.position?.start.offset;
  const end = link.position?.end.offset;
  return start !== undefined && end !== undefined && source[start] === '<' && source[end - 1] === '>';
}

const range = (start: number, length: number): number[] => {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = start + i;
  return out;
};

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/**
 * Maps each character of a text node's value to its source offset. The value equals the
 * source between `from` and `to` except for: escapes ("\|" → "|"), entities ("&amp;" → "&"),
 * line endings followed by continuation prefixes ("\n  " or "\n> " → "\n"), trailing spaces
 * before a line ending, and "\r\n". Characters that are not plain copies are marked rewritten.
 */
export function align(value: string, source: string, from: number, to: number): { offsets: number[]; marks: number[] } {
  const offsets: number[] = [];
  const marks: number[] = [];
  let j = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (source[j] === c) {
      offsets.push(j++);
      marks.push(MARK.prose);
      if (c === '\n') j = skipContinuation(source, j, value[i + 1], to);
      continue;
    }
    if (source[j] === '\\' && source[j + 1] === c && ESCAPABLE.test(c)) {
      offsets.push(j + 1);
      marks.push(MARK.rewritten);
      j += 2;
      continue;
    }
    if (source[j] === '&') {
      ENTITY.lastIndex = j;
      const entity = ENTITY.exec(source);
      if (entity) {
        // One entity decodes to one or two UTF-16 units; both point at the entity.
        offsets.push(j);
        marks.push(MARK.rewritten);
        if (isHighSurrogate(c) && i + 1 < value.length) {
          offsets.push(j);
          marks.push(MARK.rewritten);
          i++;
        }
        j += entity[0].length;
        continue;
      }
    }
    if (c === '\n') {
      // Trailing whitespace and "\r" before the line ending are not in the value.
      let k = j;
      while (k < to && (source[k] === ' ' || source[k] === '\t' || source[k] === '\r')) k++;
      if (source[k] === '\n' || source[k - 1] === '\r') {
        const at = source[k] === '\n' ? k : k - 1;
        offsets.push(at);
        marks.push(source[k] === '\n' && k === j ? MARK.prose : MARK.rewritten);
        j = skipContinuation(source, source[k] === '\n' ? k + 1 : k, value[i + 1], to);
        continue;
      }
    }
    // Not explained: resynchronise on the next occurrence nearby, and never call it a copy.
    const next = source.indexOf(c, j);
    const at = next >= 0 && next < Math.max(to, j + 1) && next - j <= 16 ? next : Math.min(j, Math.max(from, to - 1));
    offsets.push(at);
    marks.push(MARK.rewritten);
    j = at + 1;
  }
  return { offsets, marks };
}

/** After a line ending: the indentation and "> " markers the parser dropped before `next`. */
function skipContinuation(source: string, j: number, next: string | undefined, to: number): number {
  while (j < to && source[j] !== next && (source[j] === ' ' || source[j] === '\t' || source[j] === '>')) j++;
  return j;
}

const isHighSurrogate = (c: string): boolean => c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff;

/**
 * URLs, e-mail addresses and web addresses written in the text are literals; quotations are
 * quoted. The patterns are deliberately generous: a word wrongly left alone costs little, a
 * rewritten address breaks a link.
 */
const LITERALS: [hint: RegExp, pattern: RegExp][] = [
  [/:\/\//, /\b(?:https?|ftp):\/\/[^\s<>"”»]*[^\s<>"”».,;:!?)\]]/giu],
  [/www\./i, /\bwww\.[^\s<>"”»]*[^\s<>"”».,;:!?)\]]/giu],
  [/@/, /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu],
  [
    /\.(?:se|nu|com|org|net|eu|info|gov|int|fi|no|dk|de|uk)\b/i,
    /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:se|nu|com|org|net|eu|info|gov|int|fi|no|dk|de|uk)\b(?:\/[^\s<>"”»]*[^\s<>"”».,;:!?)\]])?/giu,
  ],
];
const QUOTE_HINT = /["”“«»]/;
const QUOTATIONS = /”[^”]{1,600}”|“[^“”]{1,600}[”“]|"[^"]{1,600}"|«[^«»]{1,600}»|»[^»«]{1,600}[»«]/gu;

function markLiterals(out: InlineText): void {
  const mark = (re: RegExp, bit: number): void => {
    re.lastIndex = 0;
    for (let m = re.exec(out.text); m; m = re.exec(out.text)) {
      for (let k = m.index; k < m.index + m[0].length; k++) out.marks[k]! |= bit;
    }
  };
  // The hints are cheap tests that skip the patterns on the many blocks without any.
  for (const [hint, re] of LITERALS) if (hint.test(out.text)) mark(re, MARK.literal);
  if (QUOTE_HINT.test(out.text)) mark(QUOTATIONS, MARK.quoted);
}
