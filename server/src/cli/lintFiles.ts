import { lstatSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { applyFixes, lintText, isIgnored, ConfigLoader, LineIndex, type Bilingual, type Diagnostic, type Language, type Limits, type LintResult, type RuleSet } from '../engine/index.js';
import { encodeDraft, readDraft, type TextEncoding } from './input.js';
import { governanceOf } from './governance.js';
import { summarise, toMessage, type FileResult, type Message } from './results.js';

export interface LintFilesOptions {
  ruleSet: RuleSet;
  configs: ConfigLoader;
  lang: Language;
  fix: boolean;
  today?: string;
  services?: Record<string, unknown>;
  limits?: Limits;
  /** --report-unused-disable-directives */
  reportUnusedDisableDirectives?: 'warning' | 'error';
}

/** A safe fix whose range did not hold its text is a bug in policylint: say so, change nothing. */
function reportDroppedFix(filePath: string, text: string, d: Diagnostic): void {
  const { line, column } = new LineIndex(text).position(d.range.start);
  process.stderr.write(
    `policylint: intern bugg: rättelsen från ${d.ruleId} i ${filePath}:${line}:${column} tillämpades inte (texten stämde inte) / internal bug: fix not applied (text did not match)\n`,
  );
}

/** At most this many fix passes: fixes that overlap wait for the next pass. */
const MAX_FIX_PASSES = 10;

/** Lints one file; with `fix`, applies safe fixes until none are left and writes atomically. */
export async function lintFile(filePath: string, options: LintFilesOptions): Promise<FileResult | undefined> {
  const config = options.configs.forFile(filePath); // throws FileError: a usage error for the whole run
  if (isIgnored(config, filePath)) return undefined;
  const read = readDraft(filePath, options.limits?.documentBytes);
  if (!read.ok) return summarise(filePath, [fileMessage(read.cause[options.lang], read.line, true)], new Set());
  const lintOptions = {
    config,
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.services ? { services: options.services } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ruleSet: options.ruleSet,
  };
  let text = read.text;
  let result = lintText(text, lintOptions);
  const extra: Message[] = [];
  if (options.fix) {
    const first = result;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const outcome = applyFixes(text, result.diagnostics);
      for (const d of outcome.dropped) reportDroppedFix(filePath, text, d);
      if (outcome.applied === 0 || outcome.text === text) break;
      text = outcome.text;
      result = lintText(text, lintOptions);
    }
    if (text !== read.text) {
      const refused = await writeFixed(filePath, text, read.encoding);
      if (refused) {
        // Nothing was written: report the file as it is on disk, and why it was not fixed.
        text = read.text;
        result = first;
        extra.push(fileMessage(refused[options.lang], 1, false));
      }
    }
  }
  const summary = resultOf(filePath, text, result, options.lang, extra);
  if (text !== read.text) summary.output = text;
  return summary;
}

/** The CLI's result for a text as linted: messages with positions, counts, governance. */
function resultOf(filePath: string, text: string, result: LintResult, lang: Language, extra: Message[] = []): FileResult {
  const lines = new LineIndex(text);
  const fixable = new Set<Message>();
  const messages = result.diagnostics.map((d) => {
    const m = toMessage(d, lines, lang);
    if (d.fixes?.some((f) => f.safe)) fixable.add(m);
    return m;
  });
  const summary = summarise(filePath, [...extra, ...messages], fixable);
  summary.governance = governanceOf(result);
  return summary;
}

/**
 * Lints a text that is not read from `filePath` but stands for it (`--stdin`, an old revision
 * for `diff --git`): the configuration is the one in force at that path; nothing is written.
 */
export function lintSource(filePath: string, text: string, options: Omit<LintFilesOptions, 'fix'>): FileResult | undefined {
  const config = options.configs.forFile(filePath);
  if (isIgnored(config, filePath)) return undefined;
  const result = lintText(text, {
    config,
    ruleSet: options.ruleSet,
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.services ? { services: options.services } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return resultOf(filePath, text, result, options.lang);
}

function fileMessage(message: string, line = 1, fatal: boolean): Message {
  return { ruleId: null, severity: 'error', message, line, column: 1, endLine: line, endColumn: 1, sources: [], fix: null, ...(fatal ? { fatal: true } : {}) };
}

/**
 * Writes the fixed text, unless that would write through a symbolic link (the target may lie
 * outside the repository), replace a read-only file, or fail in a read-only folder: then the
 * reason, and nothing is written. The rename of write-file-atomic replaces read-only files
 * (the folder's permission is what counts) and follows links, so both are checked first.
 */
async function writeFixed(filePath: string, text: string, encoding: TextEncoding): Promise<Bilingual | undefined> {
  const notFixed = (sv: string, en: string): Bilingual => ({ sv: `Rättelserna skrevs inte: ${sv}`, en: `The fixes were not written: ${en}` });
  try {
    const stats = lstatSync(filePath);
    if (stats.isSymbolicLink()) return notFixed('filen är en symbolisk länk (--fix skriver aldrig genom länkar)', 'the file is a symbolic link (--fix never writes through links)');
    if (!stats.isFile()) return notFixed('ingen vanlig fil', 'not a regular file');
    if ((stats.mode & 0o222) === 0) return notFixed('filen är skrivskyddad', 'the file is read-only');
    if ((statSync(dirname(filePath)).mode & 0o222) === 0) return notFixed('mappen är skrivskyddad', 'the folder is read-only');
    await writeFileAtomic(filePath, encodeDraft(text, encoding));
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    return notFixed(`filen kunde inte skrivas (${code})`, `the file could not be written (${code})`);
  }
}
