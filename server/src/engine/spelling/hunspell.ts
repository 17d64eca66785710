// Real Hunspell (hunspell-asm, a WebAssembly build) with the dictionary-sv files.
// nspell cannot be used for Swedish: it does not implement the compounding rules of
// dictionary-sv (see /work/shared/notes/spelling.md).
//
// The dictionary files are read from disk; a bundle that ships them elsewhere passes
// `dictionaryDir`. The parsed dictionary is kept as an image (dictionaryImage.ts).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cacheDirectory, imageFiles, imageKey, pruneCache, readImage, readImageHeader, writeImage } from './dictionaryImage.js';
import { createInstance, restoreInstance, startRuntime, type HunspellInstance } from './hunspellRuntime.js';

export interface Speller {
  /** true if Hunspell accepts the word (cached per word). */
  correct(word: string): boolean;
  /** Hunspell's suggestions; slow (100–250 ms a word), call only on demand. */
  suggest(word: string): string[];
  /** Accept these words from now on (user word list, defined abbreviations). */
  addWords(words: readonly string[]): void;
  /** Changes whenever addWords changes what is accepted: results cached elsewhere are stale. */
  readonly version?: number;
}

export interface LoadSpellerOptions {
  /** Directory holding index.aff and index.dic. Default: the installed dictionary-sv. */
  dictionaryDir?: string;
}

declare const __policylintDir: string | undefined;

/**
 * Where the dictionary is: next to the bundle in the packaged extension (dist/dictionary),
 * else the installed dictionary-sv (its package.json is not exported, so resolve its entry).
 */
export function defaultDictionaryDir(): string {
  if (typeof __policylintDir === 'string') {
    const bundled = path.join(__policylintDir, 'dictionary');
    if (existsSync(path.join(bundled, 'index.aff'))) return bundled;
  }
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('dictionary-sv'));
}

// One speller per dictionary directory and process: loading costs ~200–300 ms.
const loaded = new Map<string, Promise<Speller>>();

export function loadSpeller(options: LoadSpellerOptions = {}): Promise<Speller> {
  const dir = path.resolve(options.dictionaryDir ?? defaultDictionaryDir());
  let speller = loaded.get(dir);
  if (!speller) {
    speller = createSpeller(dir);
    loaded.set(dir, speller);
    // A failed load must not be cached forever (e.g. a wrong path fixed later).
    speller.catch(() => loaded.delete(dir));
  }
  return speller;
}

async function createSpeller(dir: string): Promise<Speller> {
  return new CachedSpeller(await loadInstance(dir));
}

/**
 * The dictionary in `dir`, restored from its image when there is a valid one, else parsed
 * (and its image saved for the next start).
 */
export async function loadInstance(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<HunspellInstance & { restored: boolean }> {
  const files = imageFiles(dir, env);
  const found = files.map((file) => ({ file, header: readImageHeader(file) })).find((f) => f.header);
  const [aff, dic, { runtime }] = await Promise.all([readFile(path.join(dir, 'index.aff')), readFile(path.join(dir, 'index.dic')), startRuntime(found?.header?.size)]);
  const key = imageKey(aff, dic, runtime.HEAPU8);
  const image = found && readImage(found.file, key);
  if (image) return { ...restoreInstance(runtime, image.memory, image.handle), restored: true };
  // No image, or a stale or damaged one: parse, in a runtime of the default size. The key
  // stands: a fresh runtime's static data does not depend on its memory's size.
  const instance = createInstance(found ? (await startRuntime()).runtime : runtime, aff, dic);
  const cache = cacheDirectory(env);
  if (cache) {
    writeImage(files[files.length - 1]!, key, instance.handle, instance.memory(), dir);
    pruneCache(cache);
  }
  return { ...instance, restored: false };
}

/** Enough for every word of a long draft and its OCR candidates (~10 MB). */
const MAX_CACHED_WORDS = 150_000;

class CachedSpeller implements Speller {
  private readonly cache = new Map<string, boolean>();
  private readonly suggestions = new Map<string, string[]>();
  version = 0;

  constructor(private readonly hunspell: HunspellInstance) {}

  correct(word: string): boolean {
    let ok = this.cache.get(word);
    if (ok === undefined) {
      ok = this.hunspell.spell(word);
      // Bounded: OCR repair asks about many candidate spellings, and a run over thousands of
      // drafts (or a long editing session) must not grow without end.
      if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
      // A word cut from a paragraph keeps the whole paragraph alive (V8 slices point into
      // their parent): keep a copy of its own.
      this.cache.set(word.length >= 13 ? Buffer.from(word, 'utf16le').toString('utf16le') : word, ok);
    }
    return ok;
  }

  suggest(word: string): string[] {
    let list = this.suggestions.get(word);
    if (!list) {
      list = this.hunspell.suggest(word);
      this.suggestions.set(word, list);
    }
    return [...list];
  }

  addWords(words: readonly string[]): void {
    for (const word of words) {
      if (!word) continue;
      this.hunspell.addWord(word);
    }
    // Cased forms ("Arko", "ARKO") of an added word change too: start the caches afresh.
    this.cache.clear();
    this.suggestions.clear();
    this.version++;
  }
}
