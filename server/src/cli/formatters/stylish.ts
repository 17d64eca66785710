import { relative } from 'node:path';
import type { Language } from '../../engine/index.js';
import type { FileResult } from '../results.js';
import { palette } from './color.js';

const WORDS = {
  sv: {
    error: 'fel',
    warning: 'varning',
    info: 'info',
    problems: (n: number) => `${n} problem`,
    errors: 'fel',
    warnings: 'varningar',
    infos: 'info',
    fixable: (e: number, w: number) => `${e} fel och ${w} varningar kan rättas med --fix.`,
    clean: 'Inga problem hittades.',
  },
  en: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}`,
    errors: 'errors',
    warnings: 'warnings',
    infos: 'info',
    fixable: (e: number, w: number) => `${e} errors and ${w} warnings potentially fixable with --fix.`,
    clean: 'No problems found.',
  },
};

/**
 * Control characters (ESC starts terminal escape sequences: a file named `x\e[2J.md` would
 * clear the screen) and bidirectional overrides (they reorder what is shown) as visible
 * escapes. File names and messages both come from the workspace.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Counts for the summary line, added up file by file. */
export interface StylishTotals {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
}

export const noTotals = (): StylishTotals => ({ errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0 });

/** One file's block (empty for a clean file); adds its counts to `totals`. */
export function stylishFile(r: FileResult, totals: StylishTotals, lang: Language, color: boolean, cwd = process.cwd()): string {
  const c = palette(color);
  const w = WORDS[lang];
  totals.errors += r.errorCount;
  totals.warnings += r.warningCount;
  totals.infos += r.infoCount;
  totals.fixableErrors += r.fixableErrorCount;
  totals.fixableWarnings += r.fixableWarningCount;
  if (r.messages.length === 0) return '';
  const out: string[] = ['', c.underline(escapeForTerminal(relative(cwd, r.filePath) || r.filePath))];
  const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity, escapeForTerminal(m.message.replace(/[\r\n\t]+/g, ' ')), m.ruleId ?? ''] as const);
  // reduce, not Math.max(...rows): a file with 200,000 messages overflows the stack as arguments.
  const posWidth = rows.reduce((max, row) => Math.max(max, row[0].length), 0);
  const sevWidth = rows.reduce((max, row) => Math.max(max, w[row[1]].length), 0);
  for (const [pos, sev, msg, rule] of rows) {
    const label = w[sev].padEnd(sevWidth);
    const painted = sev === 'error' ? c.red(label) : sev === 'warning' ? c.yellow(label) : c.blue(label);
    out.push(`  ${c.dim(pos.padStart(posWidth))}  ${painted}  ${msg}  ${c.dim(rule)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The closing summary (or "no problems"), after every file's block. */
export function stylishSummary(totals: StylishTotals, lang: Language, color: boolean): string {
  const c = palette(color);
  const w = WORDS[lang];
  const total = totals.errors + totals.warnings + totals.infos;
  if (total === 0) return color ? `${c.green(w.clean)}\n` : `${w.clean}\n`;
  const summary = `✖ ${w.problems(total)} (${totals.errors} ${w.errors}, ${totals.warnings} ${w.warnings}, ${totals.infos} ${w.infos})`;
  const out = ['', totals.errors ? c.red(c.bold(summary)) : c.yellow(c.bold(summary))];
  if (totals.fixableErrors + totals.fixableWarnings > 0) out.push(c.dim(`  ${w.fixable(totals.fixableErrors, totals.fixableWarnings)}`));
  return `${out.join('\n')}\n`;
}

/** ESLint's stylish layout: a block per file, aligned columns, a summary line. */
export function formatStylish(results: FileResult[], lang: Language, color: boolean, cwd = process.cwd()): string {
  const totals = noTotals();
  const blocks = results.map((r) => stylishFile(r, totals, lang, color, cwd)).join('');
  return totals.errors + totals.warnings + totals.infos === 0 ? stylishSummary(totals, lang, color) : blocks + stylishSummary(totals, lang, color);
}
