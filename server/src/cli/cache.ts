import { createHash } from 'node:crypto';
import { readFileSafely } from '../engine/io/safeRead.js';
import writeFileAtomic from 'write-file-atomic';
import type { ResolvedConfig } from '../engine/index.js';
import type { FileResult, Message } from './results.js';

/** A cache larger than this is not one policylint wrote for a sane number of files. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

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

  private constructor(
    readonly file: string,
    private readonly version: string,
  ) {}

  static load(file: string, version: string): LintCache {
    const cache = new LintCache(file, version);
    // A regular file only: a committed FIFO or link to /dev/zero named .policylintcache is no cache.
    const read = readFileSafely(file, { maxBytes: MAX_CACHE_BYTES });
    if (!read.ok) return cache;
    try {
      const data = JSON.parse(read.bytes.toString('utf8')) as { version?: string; entries?: Record<string, Entry> };
      if (data.version === version && data.entries && typeof data.entries === 'object') cache.entries = data.entries;
    } catch {
      // No cache yet, or unreadable: start empty.
    }
    return cache;
  }

  key(content: Buffer | string, config: ResolvedConfig, lang: string, today: string): string {
    const hash = createHash('sha256');
    hash.update(content);
    // format 2: results carry the draft's governance (for `report`).
    hash.update(JSON.stringify({ format: 2, rules: [...config.rules], documentType: config.documentType, words: config.words, bodies: config.bodies, lang, today, v: this.version }));
    return hash.digest('hex');
  }

  /**
   * The stored result, if its key matches and it is a well-formed result for this file: the
   * cache file sits in the workspace where anyone can commit one, so an entry whose file,
   * rule ids, severities, positions or counts do not add up is a miss, never printed.
   */
  get(filePath: string, key: string, ruleIds: ReadonlySet<string>): FileResult | undefined {
    const entry = Object.hasOwn(this.entries, filePath) ? this.entries[filePath] : undefined;
    if (!entry || entry.key !== key) return undefined;
    return isValidResult(entry.result, filePath, ruleIds) ? entry.result : undefined;
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

const SEVERITIES = new Set(['error', 'warning', 'info']);
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isPosition = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1;

function isValidMessage(m: unknown, ruleIds: ReadonlySet<string>): m is Message {
  if (!m || typeof m !== 'object') return false;
  const r = m as Record<string, unknown>;
  if (!(r.ruleId === null || (typeof r.ruleId === 'string' && ruleIds.has(r.ruleId)))) return false;
  if (typeof r.severity !== 'string' || !SEVERITIES.has(r.severity) || typeof r.message !== 'string') return false;
  if (!isPosition(r.line) || !isPosition(r.column) || !isPosition(r.endLine) || !isPosition(r.endColumn)) return false;
  if (!Array.isArray(r.sources)) return false;
  if (r.fix !== null) {
    const fix = r.fix as { range?: unknown; text?: unknown } | undefined;
    if (!fix || typeof fix.text !== 'string' || !Array.isArray(fix.range) || fix.range.length !== 2 || !fix.range.every(isCount)) return false;
  }
  return r.fatal === undefined || typeof r.fatal === 'boolean';
}

export function isValidResult(result: unknown, filePath: string, ruleIds: ReadonlySet<string>): result is FileResult {
  if (!result || typeof result !== 'object') return false;
  const r = result as Record<string, unknown>;
  if (r.filePath !== filePath || !Array.isArray(r.messages) || !r.messages.every((m) => isValidMessage(m, ruleIds))) return false;
  const messages = r.messages;
  const count = (s: Message['severity']): number => messages.filter((m) => m.severity === s).length;
  if (r.errorCount !== count('error') || r.warningCount !== count('warning') || r.infoCount !== count('info')) return false;
  return isCount(r.fixableErrorCount) && isCount(r.fixableWarningCount) && r.fixableErrorCount <= count('error') && r.fixableWarningCount <= count('warning');
}
