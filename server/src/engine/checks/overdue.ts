import type { Check, CheckContext } from './context.js';
import { message } from './context.js';
import { addYears, formatSwedishDate } from '../analysis/dates.js';
import { extractFacts } from '../facts/extract.js';
import { cycles } from '../facts/model.js';
import type { OffsetRange } from '../types.js';

interface Due {
  date: string;
  range: OffsetRange;
  basis: 'interval' | 'end-date';
  years?: number;
}

/** When the document is due: adoption plus the cycle, or the end of its validity (the earliest). */
export function dueDate(ctx: CheckContext): Due | undefined {
  const facts = ctx.facts ?? extractFacts(ctx);
  const adopted = facts.adoption?.date;
  const candidates: Due[] = [];
  for (const fact of cycles(facts)) {
    if (fact.years !== undefined && adopted) candidates.push({ date: addYears(adopted, fact.years), range: fact.range, basis: 'interval', years: fact.years });
    else if (fact.until) candidates.push({ date: fact.until, range: fact.range, basis: 'end-date' });
  }
  return candidates.sort((a, b) => a.date.localeCompare(b.date))[0];
}

export const checkOverdue: Check = (rule, ctx) => {
  const due = dueDate(ctx);
  if (!due || due.date >= ctx.today) return [];
  const adopted = (ctx.facts ?? extractFacts(ctx)).adoption?.date;
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
