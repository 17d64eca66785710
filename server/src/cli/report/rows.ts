import type { FileResult } from '../results.js';
import { displayPath } from '../formatters/source.js';

/** The register's columns, in order: the keys of `--format json` and the header of `csv`. */
export const COLUMNS = ['file', 'title', 'type', 'adoptedBy', 'adoptedOn', 'paragraph', 'reviewCycle', 'reviewDue', 'responsible', 'followUp', 'status', 'errors', 'warnings'] as const;
export type Column = (typeof COLUMNS)[number];

export type Status = 'ok' | 'due-soon' | 'overdue' | 'incomplete';

export type ReportRow = { [K in Column]: K extends 'errors' | 'warnings' ? number : K extends 'status' ? Status : K extends 'file' ? string : string | null };

/** The four core rules (README, "Verdikt"): an error from one of them leaves the register row incomplete. */
export const CORE_RULES: ReadonlySet<string> = new Set(['adoption', 'review-cycle', 'responsible-body', 'follow-up']);

/** "Due soon": the due date falls within this many months from today. */
export const DUE_SOON_MONTHS = 6;

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  return date.toISOString().slice(0, 10);
}

/**
 * Status, most urgent first: `overdue` (the due date has passed), `incomplete` (a core rule
 * reports an error, or the file could not be read), `due-soon` (due within six months), `ok`.
 * An overdue document that is also incomplete is shown as overdue: that is what a board must act on.
 */
export function statusOf(reviewDue: string | null, coreError: boolean, today: string): Status {
  if (reviewDue && reviewDue < today) return 'overdue';
  if (coreError) return 'incomplete';
  if (reviewDue && reviewDue <= addMonths(today, DUE_SOON_MONTHS)) return 'due-soon';
  return 'ok';
}

/** Distinct, in order; "Kommunstyrelsen" and "kommunstyrelsen" are one body. */
function unique(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values.map((x) => x.trim()).filter(Boolean)) if (!seen.has(v.toLocaleLowerCase('sv'))) seen.set(v.toLocaleLowerCase('sv'), v);
  return [...seen.values()];
}

/** One register row from a file's lint result (its governance was read during the lint). */
export function reportRow(result: FileResult, today: string, cwd: string): ReportRow {
  const g = result.governance;
  const coreError = result.messages.some((m) => m.severity === 'error' && (m.fatal || (m.ruleId !== null && CORE_RULES.has(m.ruleId))));
  const cycle = g?.review.find((r) => r.kind === 'interval' || r.kind === 'mandate-period' || r.kind === 'election' || r.kind === 'end-date') ?? g?.review.find((r) => r.cadence);
  const a = g?.adoption;
  // Whoever owns or leads comes first; then the rest that the document names.
  const order = ['owner', 'lead', 'coordination', 'revision', 'follow-up', 'execution'];
  const actors = [...(g?.responsibilities ?? [])].sort((x, y) => order.indexOf(x.role) - order.indexOf(y.role)).map((r) => r.actor);
  const responsible = unique([g?.owner ?? '', ...actors]);
  const followUp = g?.followUp[0];
  const reviewDue = g?.reviewDue?.date ?? null;
  return {
    file: displayPath(result.filePath, cwd),
    title: g?.title || null,
    type: g?.type ?? null,
    adoptedBy: a?.body ?? null,
    adoptedOn: a?.date ? (a.yearOnly ? a.date.slice(0, 4) : a.date) : null,
    paragraph: a?.paragraph ?? null,
    reviewCycle: cycle ? (cycle.cadence ?? cycle.until ?? null) : null,
    reviewDue,
    responsible: responsible.length ? responsible.join('; ') : null,
    followUp: followUp ? unique([followUp.what ?? '', followUp.frequency ?? '', followUp.recipient ?? '']).join(', ') || followUp.evidence : null,
    status: statusOf(reviewDue, coreError, today),
    errors: result.errorCount,
    warnings: result.warningCount,
  };
}
