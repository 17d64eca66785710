import { readFileSync } from 'node:fs';

/** A word list: one word per line, `#` starts a comment, blank lines ignored. */
export function parseWordList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

export function readWordList(file: string): string[] {
  try {
    return parseWordList(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}
