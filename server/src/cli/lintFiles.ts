import writeFileAtomic from 'write-file-atomic';
import { applyFixes, lintText, isIgnored, ConfigLoader, LineIndex, type Diagnostic, type Language, type RuleSet } from '../engine/index.js';
import { readDraft } from './input.js';
import { summarise, toMessage, type FileResult, type Message } from './results.js';

export interface LintFilesOptions {
  ruleSet: RuleSet;
  configs: ConfigLoader;
  lang: Language;
  fix: boolean;
  today?: string;
  services?: Record<string, unknown>;
}

/** A safe fix whose range did not hold its text is a bug in policylint: say so, change nothing. */
function reportDroppedFix(filePath: string, text: string, d: Diagnostic): void {
  const { line, column } = new LineIndex(text).position(d.range.start);
  process.stderr.write(`policylint: intern bugg: rättelsen från ${d.ruleId} i ${filePath}:${line}:${column} tillämpades inte (texten stämde inte) / internal bug: fix not applied (text did not match)\n`);
}

/** At most this many fix passes: fixes that overlap wait for the next pass. */
const MAX_FIX_PASSES = 10;

/** Lints one file; with `fix`, applies safe fixes until none are left and writes atomically. */
export async function lintFile(filePath: string, options: LintFilesOptions): Promise<FileResult | undefined> {
  const config = options.configs.forFile(filePath); // throws FileError: a usage error for the whole run
  if (isIgnored(config, filePath)) return undefined;
  const read = readDraft(filePath);
  if (!read.ok) {
    const fatal: Message = { ruleId: null, severity: 'error', message: read.cause[options.lang], line: read.line ?? 1, column: 1, endLine: read.line ?? 1, endColumn: 1, sources: [], fix: null, fatal: true };
    return summarise(filePath, [fatal], new Set());
  }
  const lintOptions = { config, ...(options.today ? { today: options.today } : {}), ...(options.services ? { services: options.services } : {}), ruleSet: options.ruleSet };
  let text = read.text;
  let result = lintText(text, lintOptions);
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const outcome = applyFixes(text, result.diagnostics);
      for (const d of outcome.dropped) reportDroppedFix(filePath, text, d);
      if (outcome.applied === 0 || outcome.text === text) break;
      text = outcome.text;
      result = lintText(text, lintOptions);
    }
    if (text !== read.text) await writeFileAtomic(filePath, text, { encoding: 'utf8' });
  }
  const lines = new LineIndex(text);
  const fixable = new Set<Message>();
  const messages = result.diagnostics.map((d) => {
    const m = toMessage(d, lines, options.lang);
    if (d.fixes?.some((f) => f.safe)) fixable.add(m);
    return m;
  });
  const summary = summarise(filePath, messages, fixable);
  if (text !== read.text) summary.output = text;
  return summary;
}

