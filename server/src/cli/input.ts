import { readFileSafely } from '../engine/io/safeRead.js';
import { DEFAULT_LIMITS } from '../engine/limits.js';

/** How the draft was stored, so --fix writes it back the same way. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export type ReadResult = { ok: true; text: string; encoding: TextEncoding } | { ok: false; line?: number; cause: { sv: string; en: string } };

/**
 * Reads a draft as UTF-8, or as UTF-16 when it starts with a UTF-16 byte order mark (Word
 * and Notepad save "Unicode" that way). Only regular files of at most `maxBytes` are read:
 * a FIFO, a device or /dev/zero behind a link is refused, not waited on. Binary files and
 * invalid UTF-8 are reported with the line of the first bad byte instead of being linted
 * as mojibake.
 */
export function readDraft(path: string, maxBytes: number = DEFAULT_LIMITS.documentBytes): ReadResult {
  const read = readFileSafely(path, { maxBytes });
  if (!read.ok) return { ok: false, cause: read.reason };
  const bytes = read.bytes;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf16be' : undefined;
  if (utf16) {
    if (bytes.length % 2 !== 0)
      return { ok: false, cause: { sv: 'UTF-16 med byte-ordningsmärke, men ett udda antal byte (trasig fil)', en: 'UTF-16 with a byte order mark, but an odd number of bytes (damaged file)' } };
    try {
      // The BOM is dropped: the text is linted as if it were UTF-8, and written back as UTF-16.
      return { ok: true, text: new TextDecoder(utf16 === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      return {
        ok: false,
        cause: { sv: 'UTF-16 med byte-ordningsmärke, men med ogiltiga tecken; spara filen som UTF-8', en: 'UTF-16 with a byte order mark, but with invalid characters; save the file as UTF-8' },
      };
    }
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) return { ok: false, line: lineAt(bytes, nul), cause: { sv: 'binär fil (innehåller NUL-byte), inte Markdown', en: 'binary file (contains a NUL byte), not Markdown' } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
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
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** The text as bytes in the encoding it was read in (UTF-16 gets its byte order mark back). */
export function encodeDraft(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}
