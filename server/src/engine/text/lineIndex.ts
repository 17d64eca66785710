import type { Position } from '../types.js';

/**
 * Maps offsets to 1-based line/column. Lines break at \n, \r\n and lone \r, so CRLF
 * files get the same line numbers as editors show. A leading BOM is not a column:
 * editors do not display it, so the first visible character is column 1.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  private readonly bomLength: number;

  constructor(private readonly text: string) {
    this.bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line containing the offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    let lineStart = this.lineStarts[line]!;
    if (line === 0 && this.bomLength && clamped >= this.bomLength) lineStart = this.bomLength;
    return { line: line + 1, column: clamped - lineStart + 1 };
  }

  /** Offset of a 0-based line start (BOM skipped on the first line). */
  lineStart(line: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
    return line === 0 ? Math.max(start, this.bomLength) : start;
  }

  /** Offset of the end of a 0-based line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  /** The offset for a 1-based line and column (inverse of `position`). */
  offset(position: Position): number {
    const line = Math.max(0, position.line - 1);
    return Math.min(this.lineStart(line) + position.column - 1, this.lineEnd(line));
  }
}
