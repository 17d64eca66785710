import type { Speller } from '../../server/src/engine/spelling/hunspell.js';

/** Counts the dictionary look-ups a speller is asked for (cache misses included). */
export function counting(speller: Speller): { speller: Speller; calls: () => number } {
  let calls = 0;
  return {
    speller: {
      correct: (w) => {
        calls++;
        return speller.correct(w);
      },
      suggest: (w) => speller.suggest(w),
      addWords: (w) => speller.addWords(w),
    },
    calls: () => calls,
  };
}
