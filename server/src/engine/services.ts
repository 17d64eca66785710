import { loadSpeller, type LoadSpellerOptions, type Speller } from './spelling/hunspell.js';
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

/** Spelling suggestions for a word, computed on demand (slow: call for one word at a time). */
export function suggest(services: Services, word: string): string[] {
  return services.speller ? suggestionsFor(word, services.speller) : [];
}
