import type { FileResult } from './results.js';

/**
 * Passes results on in file order as they complete out of order (worker threads): only
 * results that arrive ahead of an unfinished file wait here.
 */
export class InOrder {
  private next = 0;
  private readonly waiting = new Map<number, FileResult | undefined>();

  constructor(private readonly deliver: (result: FileResult | undefined, index: number) => void) {}

  put(index: number, result: FileResult | undefined): void {
    this.waiting.set(index, result);
    while (this.waiting.has(this.next)) {
      const r = this.waiting.get(this.next);
      this.waiting.delete(this.next);
      this.deliver(r, this.next++);
    }
  }
}
