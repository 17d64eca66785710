import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import { highlightPatterns, type BodyPhrases, type HighlightPattern } from './highlightPatterns.js';

/**
 * Colouring as semantic tokens, answered only for documents policylint lints: a TextMate
 * grammar cannot know whether a Markdown file is a governing document, the server can
 * (scope.ts), so a README's "ska" and "KS" stay uncoloured.
 */
export const TOKEN_TYPES = ['keyword', 'type', 'string', 'number'] as const;
export const TOKEN_MODIFIERS = ['archaic'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export interface HighlightToken {
  line: number;
  /** UTF-16 offset in the line, as LSP positions. */
  start: number;
  length: number;
  pattern: HighlightPattern;
}

interface Compiled {
  pattern: HighlightPattern;
  regex: RegExp;
  rank: number;
}

export class Highlighter {
  private readonly compiled: Compiled[];

  constructor(bodies: BodyPhrases) {
    this.compiled = highlightPatterns(bodies).map((pattern, rank) => ({ pattern, rank, regex: new RegExp(pattern.source, `gu${pattern.ignoreCase ? 'i' : ''}`) }));
  }

  /**
   * The tokens of a text, line by line. Like a TextMate grammar: the earliest match wins, at
   * the same position the earlier group (GROUP_ORDER), and scanning resumes after it.
   */
  tokens(text: string): HighlightToken[] {
    const masked = maskedForHighlighting(text);
    const found: { start: number; end: number; rank: number; pattern: HighlightPattern }[] = [];
    // The whole text at once (a regular expression per line costs ~4 times more); a token
    // cannot span lines, so a match across a line break is not one.
    for (const c of this.compiled) {
      c.regex.lastIndex = 0;
      for (let m = c.regex.exec(masked); m; m = c.regex.exec(masked)) {
        if (m[0].length === 0) c.regex.lastIndex++;
        else if (!m[0].includes('\n')) found.push({ start: m.index, end: m.index + m[0].length, rank: c.rank, pattern: c.pattern });
      }
    }
    found.sort((a, b) => a.start - b.start || a.rank - b.rank);
    const lineStarts = [0];
    for (let i = masked.indexOf('\n'); i >= 0; i = masked.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const out: HighlightToken[] = [];
    let end = 0;
    let line = 0;
    for (const f of found) {
      if (f.start < end) continue;
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= f.start) line++;
      out.push({ line, start: f.start - lineStarts[line]!, length: f.end - f.start, pattern: f.pattern });
      end = f.end;
    }
    return out;
  }

  /** The LSP encoding: five integers per token, relative to the previous one. */
  encode(text: string): SemanticTokens {
    const data: number[] = [];
    let prevLine = 0;
    let prevStart = 0;
    for (const t of this.tokens(text)) {
      const type = TOKEN_TYPES.indexOf(t.pattern.tokenType);
      const modifiers = t.pattern.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m as (typeof TOKEN_MODIFIERS)[number])), 0);
      data.push(t.line - prevLine, t.line === prevLine ? t.start - prevStart : t.start, t.length, type, modifiers);
      prevLine = t.line;
      prevStart = t.start;
    }
    return { data };
  }
}

/**
 * The text with what is not prose blanked out (same length, newlines kept): front matter,
 * fenced code, inline code and HTML comments, where the grammar did not colour either.
 */
export function maskedForHighlighting(text: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  let out = text.replace(/^---\r?\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/, blank);
  out = out.replace(/<!--[\s\S]*?(?:-->|$)/g, blank);
  const lines = out.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && /^ {0,3}[`~]+\s*$/.test(line)) fence = undefined;
      lines[i] = blank(line);
    } else if (marker) {
      fence = marker;
      lines[i] = blank(line);
    } else {
      lines[i] = line.replace(/(`+)(?:(?!\1)[^\n])*?\1(?!`)/g, blank);
    }
  }
  return lines.join('\n');
}
