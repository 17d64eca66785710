import { readdir } from 'node:fs/promises';
import { DEFAULT_LIMITS, readFileSafely } from '../engine/index.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);
const MARKDOWN = /\.(md|markdown)$/i;

/** Every Markdown file under the folders (skipping dependency and build folders), as URIs. */
export async function markdownFiles(folders: readonly string[], limit = 5000): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (out.length >= limit) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= limit) return;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(path);
      } else if (e.isFile() && MARKDOWN.test(e.name)) out.push(pathToFileURL(path).href);
    }
  };
  for (const folder of folders) await walk(folder);
  return out;
}

/** An unopened file's text: a regular file of sane size only (never a FIFO, a device or /dev/zero). */
export function readText(path: string, maxBytes: number = DEFAULT_LIMITS.documentBytes): Promise<string | undefined> {
  const read = readFileSafely(path, { maxBytes });
  return Promise.resolve(read.ok ? read.bytes.toString('utf8') : undefined);
}
