import path from 'node:path';
import { imageFiles, readImageHeader } from './spelling/dictionaryImage.js';
import { defaultDictionaryDir, loadSpeller, type LoadSpellerOptions, type Speller } from './spelling/hunspell.js';
import { suggestionsFor } from './spelling/suggest.js';

/** Slow-to-load helpers that checks use: loaded once per process, before linting. */
export interface Services {
  speller?: Speller;
}

/**
 * Loads the Swedish Hunspell dictionary (about 200 ms). Front ends call this once at start;
 * without it the spelling and ocr-artifact rules report nothing.
 */
export async function loadServices(options: LoadSpellerOptions = {}): Promise<Services> {
  return { speller: await loadSpeller(options) };
}

/**
 * Whether loadServices will restore the dictionary from a saved image (~70 ms) rather than
 * parse it (~340 ms): a header check, not a promise (the image may still turn out stale).
 */
export function servicesLoadQuickly(options: LoadSpellerOptions = {}, env: NodeJS.ProcessEnv = process.env): boolean {
  const dir = path.resolve(options.dictionaryDir ?? defaultDictionaryDir());
  return imageFiles(dir, env).some((file) => readImageHeader(file) !== undefined);
}

/** Spelling suggestions for a word, computed on demand (slow: call for one word at a time). */
export function suggest(services: Services, word: string): string[] {
  return services.speller ? suggestionsFor(word, services.speller) : [];
}
