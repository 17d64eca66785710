import { readFileSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; line?: number; cause: { sv: string; en: string } };

/** Files larger than this are refused rather than slowing CI to a crawl. */
export const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Reads a draft as UTF-8. Binary files and invalid UTF-8 are reported with the line of the
 * first bad byte instead of being linted as mojibake.
 */
export function readDraft(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, cause: { sv: `kan inte läsas (${code})`, en: `cannot be read (${code})` } };
  }
  if (bytes.length > MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, cause: { sv: `filen är för stor (${mb} MB, högst 16 MB)`, en: `file too large (${mb} MB, at most 16 MB)` } };
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) return { ok: false, line: lineAt(bytes, nul), cause: { sv: 'binär fil (innehåller NUL-byte), inte Markdown', en: 'binary file (contains a NUL byte), not Markdown' } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { ok: false, line: lineAt(bytes, bad), cause: { sv: `ogiltig UTF-8 (byte ${bad}); spara filen som UTF-8`, en: `invalid UTF-8 (byte ${bad}); save the file as UTF-8` } };
  }
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}
