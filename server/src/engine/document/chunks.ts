/**
 * Splits Markdown into chunks that parse the same alone as in the whole document: a chunk
 * ends at a blank line followed by an unindented line, outside fenced code, front matter
 * and HTML comments. Editors re-parse only the chunks an edit touched.
 */
export interface ChunkSpan {
  start: number;
  end: number;
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

export function splitChunks(text: string): ChunkSpan[] {
  const spans: ChunkSpan[] = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let inFrontMatter = false;
  let previousBlank = false;
  let first = true;
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m && m[0].length > 0; m = LINE.exec(text)) {
    const lineStart = m.index;
    const line = m[0].replace(/[\r\n]+$/, '');
    if (first && /^\uFEFF?---\s*$/.test(line)) inFrontMatter = true;
    else if (inFrontMatter) {
      if (/^(?:---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (!inComment && !fence && previousBlank && lineStart > chunkStart && /^[^\s]/.test(line) && !/^(?:```|~~~)/.test(line)) {
      spans.push({ start: chunkStart, end: lineStart });
      chunkStart = lineStart;
    }
    first = false;
    if (!inFrontMatter) {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f) {
        if (!fence) fence = f[1]![0]!.repeat(f[1]!.length);
        else if (f[1]!.startsWith(fence)) fence = undefined;
      }
      if (!fence) {
        const open = line.lastIndexOf('<!--');
        const close = line.lastIndexOf('-->');
        if (open >= 0 && open > close - 2) inComment = !line.slice(open).includes('-->');
        else if (close >= 0) inComment = false;
      }
    }
    previousBlank = line.trim() === '';
  }
  if (chunkStart < text.length || spans.length === 0) spans.push({ start: chunkStart, end: text.length });
  return spans;
}
