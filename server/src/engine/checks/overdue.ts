import type { Check, CheckContext } from './context.js';
import { message } from './context.js';
import { adoptionFacts } from './adoption.js';
import { evaluateStatement } from './statement.js';
import { addYears, findDateOrYear, formatSwedishDate, toIsoDate } from '../analysis/dates.js';
import { findFirst } from '../match/pattern.js';
import type { OverdueCheck } from '../rules/model.js';
import type { OffsetRange } from '../types.js';

interface Due {
  date: string;
  range: OffsetRange;
  basis: 'interval' | 'end-date';
  years?: number;
}

/** Years of the first interval the text names ("vart fjärde år" → 4). */
export function intervalYears(text: string, ctx: CheckContext): number | undefined {
  for (const interval of ctx.ruleSet.intervals.intervals) {
    if (findFirst(ctx.patterns.get([interval.pattern]), text)) return interval.years;
  }
  return undefined;
}

/** When the document is due: adoption plus the cycle, or the end of its validity. */
export function dueDate(check: OverdueCheck, ctx: CheckContext): Due | undefined {
  const cycleRule = ctx.ruleSet.rules.get(check.cycleRule)!;
  const statement = evaluateStatement(cycleRule, ctx);
  const candidates: Due[] = [];
  const adopted = adoptionFacts(ctx).date;
  const consider = (text: string, raw: unknown, range: OffsetRange, endDate: boolean): void => {
    const years = intervalYears(text, ctx);
    if (years !== undefined && adopted) candidates.push({ date: addYears(adopted, years), range, basis: 'interval', years });
    const end = endDate ? toIsoDate(raw) : findDateOrYear(text)?.iso;
    if (end && years === undefined) candidates.push({ date: end, range, basis: 'end-date' });
  };
  for (const key of ['giltig-till', 'revideras']) {
    const v = ctx.metadata.get(key);
    if (v) consider(v.value, v.raw, v.range, key === 'giltig-till');
  }
  if (statement.complete) {
    const cycle = Object.values(statement.complete.found).join(' ');
    consider(cycle, undefined, statement.complete.range, false);
  }
  return candidates.sort((a, b) => a.date.localeCompare(b.date))[0];
}

export const checkOverdue: Check = (rule, ctx) => {
  const due = dueDate(rule.check as OverdueCheck, ctx);
  if (!due || due.date >= ctx.today) return [];
  const adopted = adoptionFacts(ctx).date;
  const key = due.basis === 'interval' ? 'overdue' : 'expired';
  return [{
    ruleId: rule.id,
    range: due.range,
    message: message(rule, key, {
      due: { sv: formatSwedishDate(due.date), en: due.date },
      adopted: { sv: adopted ? formatSwedishDate(adopted) : '', en: adopted ?? '' },
      years: String(due.years ?? ''),
    }),
  }];
};
