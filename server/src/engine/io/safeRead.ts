import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { relative, isAbsolute, resolve } from 'node:path';
import type { Bilingual } from '../types.js';

export type SafeReadResult = { ok: true; bytes: Buffer; realPath: string } | { ok: false; code: 'missing' | 'unreadable' | 'special' | 'too-large' | 'outside'; reason: Bilingual };

export interface SafeReadOptions {
  maxBytes: number;
  /**
   * Directories the file must lie in once every symlink is resolved; empty or absent: anywhere.
   * A committed link to ~/.aws/credentials or /dev/zero is refused this way.
   */
  within?: readonly string[];
}

/** Whether `path` is `dir` or below it (both absolute). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const realRoots = new Map<string, string>();

/** A directory with its symlinks resolved (cached: roots are few and stable). */
export function realDirectory(dir: string): string {
  const abs = resolve(dir);
  let real = realRoots.get(abs);
  if (real === undefined) {
    try {
      real = realpathSync(abs);
    } catch {
      real = abs;
    }
    realRoots.set(abs, real);
  }
  return real;
}

/** Whether a path, symlinks resolved, lies inside one of the directories (true when none are given). */
export function resolvesInside(path: string, within: readonly string[] | undefined): boolean {
  if (!within || within.length === 0) return true;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false;
  }
  return within.some((dir) => isInside(real, realDirectory(dir)));
}

/** What kind of file a stat is, in words, for "is not a regular file" messages. */
export function fileKind(stats: Stats): Bilingual {
  if (stats.isDirectory()) return { sv: 'en katalog', en: 'a directory' };
  if (stats.isFIFO()) return { sv: 'en namngiven pipe (FIFO)', en: 'a named pipe (FIFO)' };
  if (stats.isCharacterDevice()) return { sv: 'en teckenenhet', en: 'a character device' };
  if (stats.isBlockDevice()) return { sv: 'en blockenhet', en: 'a block device' };
  if (stats.isSocket()) return { sv: 'en socket', en: 'a socket' };
  return { sv: 'ingen vanlig fil', en: 'not a regular file' };
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/**
 * Reads a file as data only if it is a regular file (not a FIFO, device, socket or
 * directory, also not through a link to one), lies inside `within` once links are resolved,
 * and is at most `maxBytes` long. The read itself is bounded too, because files in /proc
 * report size 0 and a file can grow while it is read. Never blocks on a FIFO: it is opened
 * non-blocking and refused on fstat.
 */
export function readFileSafely(path: string, options: SafeReadOptions): SafeReadResult {
  let realPath: string;
  try {
    realPath = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, code: 'missing', reason: { sv: 'finns inte', en: 'does not exist' } };
    if (code === 'ELOOP') return { ok: false, code: 'unreadable', reason: { sv: 'symboliska länkar i en slinga (ELOOP)', en: 'symbolic links in a loop (ELOOP)' } };
    return { ok: false, code: 'unreadable', reason: { sv: `kan inte läsas (${code})`, en: `cannot be read (${code})` } };
  }
  if (options.within && options.within.length > 0 && !options.within.some((dir) => isInside(realPath, realDirectory(dir)))) {
    return { ok: false, code: 'outside', reason: { sv: 'pekar (via en symbolisk länk) ut ur arbetsytan; läses inte', en: 'points (through a symbolic link) outside the workspace; not read' } };
  }
  let fd: number;
  try {
    // O_NONBLOCK is undefined on Windows, whatever the types say.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    fd = openSync(realPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, code: 'unreadable', reason: { sv: `kan inte läsas (${code})`, en: `cannot be read (${code})` } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const kind = fileKind(stats);
      return { ok: false, code: 'special', reason: { sv: `är ${kind.sv}, inte en vanlig fil; läses inte`, en: `is ${kind.en}, not a regular file; not read` } };
    }
    const tooLarge = (size: string): SafeReadResult => ({
      ok: false,
      code: 'too-large',
      reason: { sv: `filen är för stor (${size} MB, högst ${mb(options.maxBytes)} MB)`, en: `file too large (${size} MB, at most ${mb(options.maxBytes)} MB)` },
    });
    if (stats.size > options.maxBytes) return tooLarge(mb(stats.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size + 1, 64 * 1024), options.maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > options.maxBytes) return tooLarge(`> ${mb(options.maxBytes)}`);
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), realPath };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, code: 'unreadable', reason: { sv: `kan inte läsas (${code})`, en: `cannot be read (${code})` } };
  } finally {
    closeSync(fd);
  }
}
