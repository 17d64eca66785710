import type { LineIndex } from '../text/lineIndex.js';
import type { Language, OffsetRange } from '../types.js';
import type { FactBase, FollowUpFact, GovernanceFacts, ResponsibilityFact, ReviewFact } from './model.js';

/** A range as editors and the CLI count: 1-based lines and columns. */
export interface PositionedRange extends OffsetRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A copy of the facts with every range given its line and column (for JSON output). */
export function positionFacts(facts: GovernanceFacts, lines: LineIndex): unknown {
  const visit = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => visit(v));
    if (!value || typeof value !== 'object') return value;
    const r = value as OffsetRange;
    if (key === 'range' && typeof r.start === 'number') {
      const start = lines.position(r.start);
      const end = lines.position(r.end);
      return { start: r.start, end: r.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column } satisfies PositionedRange;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
  };
  return visit(facts);
}

const REVIEW_KIND: Record<ReviewFact['kind'], { sv: string; en: string }> = {
  interval: { sv: 'Revideras', en: 'Revised' },
  'mandate-period': { sv: 'Revideras', en: 'Revised' },
  election: { sv: 'Revideras', en: 'Revised' },
  'end-date': { sv: 'Gäller till', en: 'Valid until' },
  'as-needed': { sv: 'Revideras (ingen cykel)', en: 'Revised (no cycle)' },
  'until-further-notice': { sv: 'Gäller (ingen cykel)', en: 'Valid (no cycle)' },
  unreadable: { sv: 'Revidering (oläslig)', en: 'Revision (unreadable)' },
  mentioned: { sv: 'Revidering (utan tidpunkt)', en: 'Revision (no time given)' },
};

const ROLE: Record<ResponsibilityFact['role'], { sv: string; en: string }> = {
  owner: { sv: 'äger', en: 'owns' },
  lead: { sv: 'leder', en: 'leads' },
  coordination: { sv: 'samordnar', en: 'coordinates' },
  revision: { sv: 'reviderar', en: 'revises' },
  'follow-up': { sv: 'följer upp', en: 'follows up' },
  execution: { sv: 'genomför', en: 'carries out' },
};

function where(fact: FactBase, lines: LineIndex, lang: Language): string {
  return `${lang === 'sv' ? 'rad' : 'line'} ${lines.position(fact.range.start).line}`;
}

function join(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join(', ');
}

function reviewLine(r: ReviewFact, lines: LineIndex, lang: Language): string {
  const what = r.cadence ?? r.until ?? '';
  return `${REVIEW_KIND[r.kind][lang]}: ${join([what, r.by ? (lang === 'sv' ? `av ${r.by}` : `by ${r.by}`) : undefined, where(r, lines, lang)])}`;
}

function followUpLine(f: FollowUpFact, lines: LineIndex, lang: Language): string {
  const label = lang === 'sv' ? 'Uppföljning' : 'Follow-up';
  const to = f.recipient ? (lang === 'sv' ? `till ${f.recipient}` : `to ${f.recipient}`) : undefined;
  return `${label}: ${join([f.what, f.frequency ?? f.unclear, to, where(f, lines, lang)])}`;
}

/**
 * The facts as short lines for hover and the compliance view ("Revideras: vart fjärde år,
 * rad 43"). Pure: no editor types.
 */
export function describeFacts(facts: GovernanceFacts, lines: LineIndex, lang: Language = 'sv'): string[] {
  const out: string[] = [];
  const sv = lang === 'sv';
  const a = facts.adoption;
  if (a) out.push(`${sv ? 'Antagen' : 'Adopted'}: ${join([a.body, a.date && a.yearOnly ? a.date.slice(0, 4) : a.date, a.paragraph, a.diarienummer, where(a, lines, lang)])}`);
  if (facts.status) out.push(`${sv ? 'Status' : 'Status'}: ${facts.status.status}, ${where(facts.status, lines, lang)}`);
  for (const r of facts.review) out.push(reviewLine(r, lines, lang));
  for (const r of facts.responsibilities) {
    out.push(`${sv ? 'Ansvar' : 'Responsibility'}: ${join([`${r.actor} (${ROLE[r.role][lang]})`, r.duty, where(r, lines, lang)])}`);
  }
  for (const f of facts.followUp) out.push(followUpLine(f, lines, lang));
  const text: [keyof GovernanceFacts, string, string][] = [
    ['owner', 'Dokumentansvarig', 'Owner'],
    ['scope', 'Gäller för', 'Applies to'],
    ['version', 'Version', 'Version'],
    ['replaces', 'Ersätter', 'Replaces'],
    ['validFrom', 'Gäller från', 'Valid from'],
  ];
  for (const [key, s, e] of text) {
    const f = facts[key] as (FactBase & { value: string }) | undefined;
    if (f) out.push(`${sv ? s : e}: ${f.value}, ${where(f, lines, lang)}`);
  }
  for (const r of facts.related) out.push(`${sv ? 'Relaterat' : 'Related'}: ${r.value}, ${where(r, lines, lang)}`);
  return out;
}
