// A Map that forgets the entries not used for a while, past a size limit. The word caches are
// keyed by strings taken from documents: without a limit, a language server open for a
// whole day of editing (or a CLI run over thousands of drafts) keeps every word it saw.

export class RecentCache<K, V> {
  // Two generations: entries are added to `recent`; when it is full it becomes `older`
  // and the older one is dropped. An entry found in `older` moves back to `recent`. So what
  // was not used for a generation goes, and a hit costs one Map look-up (an exact LRU
  // order would cost a delete and an insert on every hit, in the hottest loop of the lint).
  private recent = new Map<K, V>();
  private older = new Map<K, V>();
  private recentWeight = 0;

  /**
   * `maxSize`: the most the entries may weigh together; `weigh` gives an entry's weight
   * (default 1, so `maxSize` counts entries).
   */
  constructor(
    private readonly maxSize: number,
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.recent.size + this.older.size;
  }

  has(key: K): boolean {
    return this.recent.has(key) || this.older.has(key);
  }

  get(key: K): V | undefined {
    const value = this.recent.get(key);
    if (value !== undefined || this.recent.has(key)) return value;
    if (!this.older.has(key)) return undefined;
    const old = this.older.get(key) as V;
    this.older.delete(key);
    this.add(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.recent.has(key)) {
      this.recentWeight -= this.weigh(key, this.recent.get(key) as V);
      this.recent.delete(key);
    }
    this.older.delete(key);
    this.add(key, value);
  }

  clear(): void {
    this.recent.clear();
    this.older.clear();
    this.recentWeight = 0;
  }

  private add(key: K, value: V): void {
    this.recent.set(key, value);
    this.recentWeight += this.weigh(key, value);
    if (this.recentWeight > this.maxSize / 2) {
      this.older = this.recent;
      this.recent = new Map();
      this.recentWeight = 0;
    }
  }
}

/**
 * A copy of `text` that does not share memory with the string it was cut from: V8 keeps a
 * substring's whole parent alive (a paragraph, a document) for as long as the substring is,
 * and a joined string its parts. Shorter strings than 13 characters are always copies.
 */
export function ownCopy(text: string): string {
  return text.length >= 13 ? Buffer.from(text, 'utf16le').toString('utf16le') : text;
}

/**
 * One RecentCache per speller, started afresh when the speller's version changes (it accepts
 * more words since addWords): cached answers about words would be stale then.
 */
export class CachePerSpeller<V> {
  private readonly caches = new WeakMap<object, { version: number | undefined; cache: RecentCache<string, V> }>();

  constructor(private readonly maxEntries: number) {}

  for(speller: { readonly version?: number | undefined }): RecentCache<string, V> {
    let entry = this.caches.get(speller);
    if (!entry || entry.version !== speller.version) this.caches.set(speller, (entry = { version: speller.version, cache: new RecentCache<string, V>(this.maxEntries) }));
    return entry.cache;
  }
}
