import type { CheckContext } from '../checks/context.js';
import { findDates } from '../analysis/dates.js';
import type { MetadataValue } from '../analysis/metadata.js';
import { findFirst } from '../match/pattern.js';
import type { RuleDefinition, StatementCheck } from '../rules/model.js';
import type { OffsetRange } from '../types.js';
import { findBody } from './bodies.js';
import type { ReviewFact } from './model.js';
import { scanStatements, type StatementMatch } from './statements.js';

const PERIOD = /(?<![\p{N}/.-])((?:19|20)\d\d)\s?[-–—]\s?((?:19|20)\d\d|\d\d)(?![\p{N}/-])/u;
const YEAR = /(?<![\p{N}/.-])((?:19|20)\d\d)(?![\p{N}/])/gu;

/** Years of the first interval the text names ("vart fjärde år" → 4). */
export function intervalYears(text: string, ctx: CheckContext): number | undefined {
  for (const interval of ctx.ruleSet.intervals.intervals) {
    if (findFirst(ctx.patterns.get([interval.pattern]), text)) return interval.years;
  }
  return undefined;
}

/** The last date or year in a text: the end of "2022-01-01 – 2026-12-31" or of "2022–2026". */
export function endOf(text: string): string | undefined {
  const dates = findDates(text);
  if (dates.length) return dates[dates.length - 1]!.iso;
  const period = PERIOD.exec(text);
  if (period) {
    const from = Number(period[1]);
    const to = period[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(period[2]) : Number(period[2]);
    return `${to}-12-31`;
  }
  const years = [...text.matchAll(YEAR)];
  const last = years[years.length - 1];
  return last ? `${last[1]}-12-31` : undefined;
}

/** What kind of cycle a cadence text gives. */
function cycleOf(text: string, ctx: CheckContext): Pick<ReviewFact, 'kind' | 'years' | 'until'> | undefined {
  const years = intervalYears(text, ctx);
  if (years !== undefined) {
    if (/(?<![\p{L}])val(?:et|år)?(?![\p{L}])|allmänna val/iu.test(text)) return { kind: 'election', years };
    if (/mandatperiod/iu.test(text)) return { kind: 'mandate-period', years };
    return { kind: 'interval', years };
  }
  const until = endOf(text);
  return until ? { kind: 'end-date', until } : undefined;
}

const VALIDITY = /^(?:gäller|gälla|giltig|löper)/iu;

/** Reads one review statement into a fact; undefined when it is about something else. */
function readStatement(match: StatementMatch, check: StatementCheck, ctx: CheckContext): ReviewFact | undefined {
  const subject = match.window.slice(0, match.trigger.index);
  if (check.otherSubjects && findFirst(ctx.patterns.get(check.otherSubjects), subject)) {
    const type = ctx.documentType;
    if (!type || !new RegExp(type, 'iu').test(subject)) return undefined;
  }
  const base = { range: match.range, evidence: match.sentence.text.trim(), source: 'text' as const };
  // Who revises: the subject before the verb ("Kommunstyrelsen reviderar …") or the agent ("revideras av …").
  const agent = /^\S*\s+(?:\S+\s+)?av\s+/u.exec(match.window.slice(match.trigger.index));
  const by =
    findBody(subject.slice(Math.max(0, subject.lastIndexOf('. ') + 1)), ctx) ??
    (agent ? findBody(match.window.slice(match.trigger.index + agent[0].length, match.trigger.index + agent[0].length + 60), ctx) : undefined);
  const withBy = <T extends ReviewFact>(fact: T): T => (by ? { ...fact, by: by.text } : fact);
  const asNeeded = check.asNeeded ? findFirst(ctx.patterns.get(check.asNeeded), match.window) : undefined;
  const cycle = match.at.cycle;
  // "följs upp årligen och revideras vid behov": the year belongs to the follow-up.
  const followUpFirst = cycle && cycle.index < match.trigger.index && /följ\p{L}* upp|uppfölj|utvärder|redovis|rapporter/iu.test(match.window.slice(0, match.trigger.index));
  if (cycle && !followUpFirst) {
    const kind = cycleOf(cycle.text, ctx);
    if (kind) return withBy({ ...base, ...kind, cadence: cycle.text });
  }
  if (asNeeded) return withBy({ ...base, kind: /till|beslut/iu.test(asNeeded.text) ? 'until-further-notice' : 'as-needed', cadence: asNeeded.text });
  // "gäller till exempel", "giltig legitimation": validity words without a date say nothing about review.
  if (VALIDITY.test(match.trigger.text)) return undefined;
  const unclear = check.unclear ? findFirst(ctx.patterns.get(check.unclear), match.window.slice(match.trigger.index)) : undefined;
  return withBy({ ...base, kind: unclear ? 'unreadable' : 'mentioned', ...(unclear ? { cadence: unclear.text } : {}) });
}

/** Validity in the title: "Internationell strategi 2022–2026", "Intern kontrollplan 2026". */
function fromTitle(ctx: CheckContext): ReviewFact | undefined {
  // A plan for one year ends with it; a vision or strategy named for a year only aims at it.
  const m = PERIOD.exec(ctx.title.text) ?? (/plan|budget/iu.test(ctx.title.text) ? /(?<![\p{N}/.-])(?:19|20)\d\d\s*$/u.exec(ctx.title.text) : null);
  if (!m) return runOnTitle(ctx);
  const until = endOf(m[0]);
  if (!until) return undefined;
  const offset = ctx.doc.text.indexOf(m[0], ctx.title.start);
  const range: OffsetRange = offset >= 0 && offset < ctx.title.end ? { start: offset, end: offset + m[0].length } : { start: ctx.title.start, end: ctx.title.end };
  return { kind: 'end-date', until, cadence: m[0], range, evidence: ctx.title.text, source: 'title' };
}

/**
 * A PDF transcript's title stands in its first line of running text: "1 RIKTLINJE Dnr KS 2021/137
 * Riktlinjer för vänortssamarbete i Björkhamn kommun 2021–2030 Riktlinjerna anger …".
 */
function runOnTitle(ctx: CheckContext): ReviewFact | undefined {
  if (!ctx.doc.headings.every((h) => h.pseudo)) return undefined;
  const block = ctx.doc.blocks.find((b) => b.kind === 'paragraph' && b.text.split(/\s+/).length > 12);
  if (!block) return undefined;
  const head = block.text.slice(0, 200);
  const m = /(?:polic|strategi|plan|program|riktlinje)\p{L}*\s+(?:[\p{L}-]+\s+){0,5}?((?:19|20)\d\d\s?[-–—]\s?(?:19|20)\d\d)(?![\p{N}/-])/iu.exec(head);
  if (!m) return undefined;
  const offset = ctx.doc.text.indexOf(m[1]!, block.start);
  return { kind: 'end-date', until: endOf(m[1]!)!, cadence: m[1]!, range: { start: offset, end: offset + m[1]!.length }, evidence: head.slice(0, m.index + m[0].length), source: 'title' };
}

function fromMetadata(metadata: Map<string, MetadataValue>, check: StatementCheck, ctx: CheckContext): ReviewFact[] {
  const out: ReviewFact[] = [];
  for (const key of check.metadata ?? []) {
    const v = metadata.get(key);
    if (!v) continue;
    const base = { range: v.range, evidence: v.value, source: v.origin === 'front-matter' ? ('front-matter' as const) : ('metadata' as const) };
    const text = v.raw instanceof Date ? v.raw.toISOString().slice(0, 10) : typeof v.raw === 'number' ? String(v.raw) : v.value;
    const asNeeded = check.asNeeded ? findFirst(ctx.patterns.get(check.asNeeded), text) : undefined;
    const cycle = key === 'giltig-till' ? (endOf(text) ? { kind: 'end-date' as const, until: endOf(text)! } : undefined) : cycleOf(text, ctx);
    if (cycle) out.push({ ...base, ...cycle, cadence: text });
    else if (asNeeded) out.push({ ...base, kind: /till|beslut/iu.test(asNeeded.text) ? 'until-further-notice' : 'as-needed', cadence: asNeeded.text });
    else if (/tills vidare|tillsvidare/iu.test(text)) out.push({ ...base, kind: 'until-further-notice', cadence: text });
    else {
      // A cadence word policylint cannot read is a warning; anything else in the field gives no cycle.
      const unclear = check.unclear ? findFirst(ctx.patterns.get(check.unclear), text) : undefined;
      out.push({ ...base, kind: unclear || /\d/.test(text) ? 'unreadable' : 'mentioned', cadence: text });
    }
  }
  return out;
}

/** Every statement of when the document is reviewed or stops being valid. */
export function extractReview(rule: RuleDefinition | undefined, metadata: Map<string, MetadataValue>, ctx: CheckContext): ReviewFact[] {
  const out: ReviewFact[] = [];
  const title = fromTitle(ctx);
  if (title) out.push(title);
  if (!rule) return out;
  const check = rule.check as StatementCheck;
  out.push(...fromMetadata(metadata, check, ctx));
  for (const match of scanStatements(rule, ctx)) {
    const fact = readStatement(match, check, ctx);
    if (fact) out.push(fact);
  }
  return out;
}
