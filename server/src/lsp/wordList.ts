import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { WORD_LIST, parseWordList, type ResolvedConfig } from '../engine/index.js';

/**
 * Where "add to word list" writes: the word list already in force, else
 * `.policylint/ordlista.txt` next to the nearest config file, else in the workspace folder
 * (or the document's folder).
 */
export function wordListTarget(config: ResolvedConfig | undefined, folder: string | undefined, documentDir: string): string {
  if (config?.wordListFile) return config.wordListFile;
  const base = config?.file ? dirname(config.file) : folder ?? documentDir;
  return join(base, WORD_LIST);
}

const HEADER = '# Ord som policylint ska godta, ett per rad. / Words policylint accepts, one per line.\n';

/** Adds a word (if absent), creating the file; written atomically (temp file + rename). */
export async function addWord(file: string, word: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = HEADER;
  }
  if (parseWordList(text).includes(word)) return false;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text === '' || /\r?\n$/.test(text) ? '' : eol;
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${text}${sep}${word}${eol}`, { encoding: 'utf8' });
  return true;
}
