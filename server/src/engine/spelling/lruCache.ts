// A Map that forgets its least recently used entries past a size limit. The word caches are
// keyed by strings taken from documents: without a limit, a language server open for a
// whole day of editing (or a CLI run over thousands of drafts) keeps every word it saw.

export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  /**
   * `maxSize`: the most the entries may weigh together; `weigh` gives an entry's weight
   * (default 1, so `maxSize` counts entries).
   */
  constructor(
    private readonly maxSize: number,
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, now the most recently used; undefined if absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined && !this.entries.has(key)) return undefined;
    // A Map iterates in insertion order: re-inserting makes this entry the newest.
    this.entries.delete(key);
    this.entries.set(key, value as V);
    return value;
  }

  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined || this.entries.has(key)) {
      this.total -= this.weigh(key, old as V);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.total += this.weigh(key, value);
    for (const [oldest, v] of this.entries) {
      if (this.total <= this.maxSize || this.entries.size <= 1) break;
      this.entries.delete(oldest);
      this.total -= this.weigh(oldest, v);
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

/**
 * A copy of `text` that does not share memory with the string it was cut from: V8 keeps a
 * substring's whole parent alive (a paragraph, a document) for as long as the substring is.
 */
export function ownCopy(text: string): string {
  return text.length >= 13 ? Buffer.from(text, 'utf16le').toString('utf16le') : text;
}
