import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { FileResult, Message } from '../results.js';

/** A file's path relative to the working folder with forward slashes, as CI tools show it. */
export function displayPath(filePath: string, cwd: string): string {
  return (relative(cwd, filePath) || filePath).split('\\').join('/');
}

/**
 * A linted text with its line starts, to turn the CLI's positions (1-based lines, columns in
 * UTF-16 code units) and fix offsets into what other tools count (UTF-8 bytes for reviewdog).
 */
export class SourceText {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  offset(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
    return Math.min(start + column - 1, this.text.length);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** The column of a position in UTF-8 bytes, 1-based (reviewdog's Position.column). */
  byteColumn(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
    return Buffer.byteLength(this.text.slice(start, this.offset(line, column)), 'utf8') + 1;
  }

  /** The text a message points at. */
  span(m: Pick<Message, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
    return this.text.slice(this.offset(m.line, m.column), this.offset(m.endLine, m.endColumn));
  }
}

/**
 * Fingerprints that stay the same when lines move: the file, the rule, the text the message
 * points at (whitespace folded) and which occurrence of that text it is. Code scanning and
 * GitLab match findings across commits by them; a message that moves is not a new finding.
 */
export function fingerprints(result: FileResult, source: SourceText | undefined, cwd: string): string[] {
  const seen = new Map<string, number>();
  const path = displayPath(result.filePath, cwd);
  return result.messages.map((m) => {
    const what = source ? source.span(m).replace(/\s+/g, ' ').trim() || m.message : `${m.message}\u0000${m.line}`;
    const base = `${path}\u0000${m.ruleId ?? 'fatal'}\u0000${what}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
  });
}
