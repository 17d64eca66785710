import { addYears } from '../analysis/dates.js';
import type { OffsetRange } from '../types.js';
import { cycles, type GovernanceFacts } from './model.js';

export interface Due {
  /** ISO date by which the document is to be reviewed, or on which its validity ends. */
  date: string;
  range: OffsetRange;
  basis: 'interval' | 'end-date';
  years?: number;
}

/**
 * When the document is due: adoption plus the cycle, or the end of its validity (the
 * earliest). One function for the review-overdue rule and the CLI's register (`report`).
 */
export function reviewDue(facts: GovernanceFacts): Due | undefined {
  const adopted = facts.adoption?.date;
  const candidates: Due[] = [];
  for (const fact of cycles(facts)) {
    if (fact.years !== undefined && adopted) candidates.push({ date: addYears(adopted, fact.years), range: fact.range, basis: 'interval', years: fact.years });
    else if (fact.until) candidates.push({ date: fact.until, range: fact.range, basis: 'end-date' });
  }
  return candidates.sort((a, b) => a.date.localeCompare(b.date))[0];
}
