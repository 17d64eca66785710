import type { Check, CheckContext } from './context.js';
import { message } from './context.js';
import { formatSwedishDate } from '../analysis/dates.js';
import { extractFacts } from '../facts/extract.js';
import { reviewDue, type Due } from '../facts/due.js';

/** When the document is due (facts/due.ts): shared with the CLI's register. */
export function dueDate(ctx: CheckContext): Due | undefined {
  return reviewDue(ctx.facts ?? extractFacts(ctx));
}

export const checkOverdue: Check = (rule, ctx) => {
  const due = dueDate(ctx);
  if (!due || due.date >= ctx.today) return [];
  const adopted = (ctx.facts ?? extractFacts(ctx)).adoption?.date;
  const key = due.basis === 'interval' ? 'overdue' : 'expired';
  return [
    {
      ruleId: rule.id,
      range: due.range,
      message: message(rule, key, {
        due: { sv: formatSwedishDate(due.date), en: due.date },
        adopted: { sv: adopted ? formatSwedishDate(adopted) : '', en: adopted ?? '' },
        years: String(due.years ?? ''),
      }),
    },
  ];
};
