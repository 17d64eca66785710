// policylint's files in the user's cache directory (the parsed dictionary, V8's code cache).
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The user's cache directory for policylint, or undefined when turned off:
 * $POLICYLINT_CACHE_DIR ("" turns the cache off), else $XDG_CACHE_HOME/policylint, else
 * ~/.cache/policylint.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env['POLICYLINT_CACHE_DIR'];
  if (explicit !== undefined) return explicit === '' ? undefined : path.resolve(explicit);
  const base = env['XDG_CACHE_HOME'] || path.join(os.homedir() || os.tmpdir(), '.cache');
  return path.join(base, 'policylint');
}

/**
 * Writes `file` beside its final name and renames it into place, so a reader sees the old
 * file or the whole new one. Best effort: false if the directory cannot be written.
 */
export function writeFileAtomically(file: string, data: Uint8Array | readonly Uint8Array[]): boolean {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, data instanceof Uint8Array ? data : Buffer.concat(data));
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    return false;
  }
}
