import type { Language, RuleSet } from '../engine/index.js';
import type { FileResult } from './results.js';
import { noTotals, stylishFile, stylishSummary } from './formatters/stylish.js';
import { jsonElement } from './formatters/json.js';
import { formatGithub } from './formatters/github.js';
import { formatSarif } from './formatters/sarif.js';

/**
 * Where lint results go, one file at a time and in the order of the files: formats that can
 * print a file as it comes do (memory stays flat in the number of files); the others keep
 * what they will print and print it at the end.
 */
export interface ResultSink {
  file(result: FileResult): void;
  end(): void;
}

export interface SinkOptions {
  format: string;
  lang: Language;
  color: boolean;
  ruleSet: RuleSet;
  version: string;
  write: (text: string) => void;
}

export function createSink(o: SinkOptions): ResultSink {
  switch (o.format) {
    case 'json': {
      let count = 0;
      return {
        file: (r) => o.write(`${count++ === 0 ? '[\n' : ',\n'}${jsonElement(r)}`),
        end: () => o.write(count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'github':
      return { file: (r) => o.write(formatGithub([r])), end: () => undefined };
    case 'sarif': {
      // One document with every result: kept until the end (without the source quotes, see results.ts).
      const kept: FileResult[] = [];
      return { file: (r) => void kept.push(r), end: () => o.write(formatSarif(kept, o.ruleSet, o.lang, o.version)) };
    }
    default: {
      const totals = noTotals();
      return { file: (r) => o.write(stylishFile(r, totals, o.lang, o.color)), end: () => o.write(stylishSummary(totals, o.lang, o.color)) };
    }
  }
}

/**
 * Passes results to `sink` in file order as they complete out of order (worker threads):
 * only results that arrive ahead of an unfinished file wait here.
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
