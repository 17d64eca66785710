import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { ResolvedConfig } from '../engine/index.js';
import type { FileResult } from './results.js';

interface Entry {
  key: string;
  result: FileResult;
}

/**
 * `--cache`: results keyed on the file's content, the configuration in force, the
 * policylint version, the message language and today's date (period rules depend on it).
 * A corrupt or foreign cache file is ignored, never trusted.
 */
export class LintCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;

  private constructor(readonly file: string, private readonly version: string) {}

  static load(file: string, version: string): LintCache {
    const cache = new LintCache(file, version);
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; entries?: Record<string, Entry> };
      if (data.version === version && data.entries && typeof data.entries === 'object') cache.entries = data.entries;
    } catch {
      // No cache yet, or unreadable: start empty.
    }
    return cache;
  }

  key(content: Buffer | string, config: ResolvedConfig, lang: string, today: string): string {
    const hash = createHash('sha256');
    hash.update(content);
    hash.update(JSON.stringify({ rules: [...config.rules], documentType: config.documentType, words: config.words, bodies: config.bodies, lang, today, v: this.version }));
    return hash.digest('hex');
  }

  get(filePath: string, key: string): FileResult | undefined {
    const entry = this.entries[filePath];
    return entry && entry.key === key ? entry.result : undefined;
  }

  set(filePath: string, key: string, result: FileResult): void {
    const { output: _output, ...stored } = result;
    this.entries[filePath] = { key, result: stored };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await writeFileAtomic(this.file, JSON.stringify({ version: this.version, entries: this.entries }));
  }
}
