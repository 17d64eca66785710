import type { Language } from '../../engine/index.js';
import type { Formatter } from '../formatters/formatter.js';
import type { FileResult } from '../results.js';
import { renderHtml } from './html.js';
import { HEADERS, STATUS, summaryLine, TITLE } from './labels.js';
import { COLUMNS, reportRow, type ReportRow, type Status } from './rows.js';

export const REPORT_FORMATS = ['markdown', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportContext {
  today: string;
  cwd: string;
  lang: Language;
  version: string;
}

/** A register formatter: keeps one small row per file (never the messages), prints at the end. */
export function reportFormatter(format: ReportFormat, ctx: ReportContext): Formatter {
  const rows: ReportRow[] = [];
  return {
    file: (result: FileResult) => (rows.push(reportRow(result, ctx.today, ctx.cwd)), ''),
    end: () => {
      rows.sort((a, b) => a.file.localeCompare(b.file));
      switch (format) {
        case 'json':
          return `${JSON.stringify(rows, null, 2)}\n`;
        case 'csv':
          return formatCsv(rows);
        case 'html':
          return renderHtml(rows, ctx);
        case 'markdown':
          return formatMarkdown(rows, ctx);
      }
    },
  };
}

export function countStatuses(rows: ReportRow[]): Record<Status, number> {
  const counts: Record<Status, number> = { ok: 0, 'due-soon': 0, overdue: 0, incomplete: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/**
 * RFC 4180: CRLF, fields with a comma, quote or line break quoted. A cell that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe: titles come from drafts.
 */
export function formatCsv(rows: ReportRow[]): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(','))].map((line) => `${line}\r\n`).join('');
}

const MARK: Record<Status, string> = { ok: '✅', 'due-soon': '⏳', overdue: '🔴', incomplete: '⚠️' };

/** A GitHub-flavoured Markdown table for a pull request comment or a wiki page. */
export function formatMarkdown(rows: ReportRow[], ctx: ReportContext): string {
  const h = HEADERS[ctx.lang];
  // Pipes and line breaks would break the table; HTML in a title must not render in a comment.
  const cell = (value: string | number | null): string =>
    value === null || value === ''
      ? '–'
      : String(value)
          .replace(/\\/g, '\\\\')
          .replace(/\|/g, '\\|')
          .replace(/</g, '&lt;')
          .replace(/[\r\n]+/g, ' ');
  const lines = [
    `## ${TITLE[ctx.lang]}`,
    '',
    summaryLine(countStatuses(rows), rows.length, ctx.today, ctx.lang),
    '',
    `| ${COLUMNS.map((c) => h[c]).join(' | ')} |`,
    `| ${COLUMNS.map((c) => (c === 'errors' || c === 'warnings' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(
      (row) =>
        `| ${COLUMNS.map((c) => (c === 'status' ? `${MARK[row.status]} ${STATUS[ctx.lang][row.status]}` : c === 'file' ? `\`${row.file.replace(/`/g, "'").replace(/\|/g, '\\|')}\`` : cell(row[c]))).join(' | ')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
