import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DEFAULT_LIMITS, WORD_LIST, isInside, parseWordList, readFileSafely, type ResolvedConfig } from '../engine/index.js';

/**
 * Where "add to word list" writes: the word list already in force, else
 * `.policylint/ordlista.txt` next to the nearest config file, else in the workspace folder
 * (or the document's folder).
 */
export function wordListTarget(config: ResolvedConfig | undefined, folder: string | undefined, documentDir: string): string {
  if (config?.wordListFile) return config.wordListFile;
  const base = config?.file ? dirname(config.file) : (folder ?? documentDir);
  return join(base, WORD_LIST);
}

const HEADER = '# Ord som policylint ska godta, ett per rad. / Words policylint accepts, one per line.\n';

/** Why a word or a word list was refused; the message is shown to the user. */
export class WordListError extends Error {}

/** One word: no white space (a newline would add a second entry), no `#`, no control or format characters. */
const SINGLE_WORD = /^[^\s#\p{C}]{1,64}$/u;

/**
 * Adds a word (if absent), creating the file; written atomically (temp file + rename).
 * Never writes through a symbolic link (the list or its folder) nor outside `folder`,
 * and never over a file that is not a regular, writable word list.
 */
export async function addWord(file: string, word: string, folder?: string): Promise<boolean> {
  if (!SINGLE_WORD.test(word))
    throw new WordListError('Ordlistan tar ett ord i taget, utan mellanrum, radbrytningar eller # / The word list takes one word at a time, without spaces, line breaks or #');
  const dir = dirname(file);
  for (const path of [dir, file]) {
    const stats = lstatIfExists(path);
    if (stats?.isSymbolicLink()) throw new WordListError(`${path} är en symbolisk länk; ordlistan skrivs inte genom länkar / is a symbolic link; the word list is not written through links`);
    if (stats && path === file && !stats.isFile()) throw new WordListError(`${path} är ingen vanlig fil / is not a regular file`);
    if (stats && path === file && (stats.mode & 0o222) === 0) throw new WordListError(`${path} är skrivskyddad / is read-only`);
  }
  let text = HEADER;
  const read = readFileSafely(file, { maxBytes: DEFAULT_LIMITS.configBytes });
  if (read.ok) text = read.bytes.toString('utf8');
  else if (read.code !== 'missing') throw new WordListError(`${file}: ${read.reason.sv} / ${read.reason.en}`);
  if (parseWordList(text).includes(word)) return false;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text === '' || /\r?\n$/.test(text) ? '' : eol;
  await mkdir(dir, { recursive: true });
  // A list inside the workspace must stay inside it once links in its ancestors are resolved.
  if (folder && isInside(dir, folder) && !isInside(realpathSync(dir), realpathSync(folder))) throw new WordListError(`${dir} ligger utanför arbetsytan / lies outside the workspace`);
  await writeFileAtomic(file, `${text}${sep}${word}${eol}`, { encoding: 'utf8' });
  return true;
}

function lstatIfExists(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
