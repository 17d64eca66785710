import type { Vocabulary } from './syntax.js';

/**
 * `compute()` once per vocabulary and key. Keyed on the vocabulary object, so a rule set's
 * lists live as long as its vocabulary; a thrown error is not kept (the next call throws again).
 */
export function memoPerVocabulary<T>(caches: WeakMap<Vocabulary, Map<string, T>>, vocabulary: Vocabulary, key: string, compute: () => T): T {
  let cache = caches.get(vocabulary);
  if (!cache) {
    cache = new Map();
    caches.set(vocabulary, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
