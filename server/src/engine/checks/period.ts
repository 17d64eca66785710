import type { Check } from './context.js';
import { message } from './context.js';
import { sentenceRange } from '../document/sentences.js';
import { extractFacts } from '../facts/extract.js';
import { cycles } from '../facts/model.js';
import type { Finding } from '../types.js';

const RANGE = /(?<![\p{L}\p{N}/.-])((?:19|20)\d\d)\s?[-–—]\s?((?:19|20)\d\d|\d\d(?![-\d]))(?![0-9])/gu;
const URLISH = /(?:https?:\/\/|www\.|\/)\S*$/u;

/**
 * Named periods ("prioriteringar 2019–2024") whose last year has passed. The document's own
 * validity ("Internationell strategi 2019–2022") is a review fact: review-overdue reports it.
 */
export const checkPeriod: Check = (rule, ctx) => {
  const year = Number(ctx.today.slice(0, 4));
  const findings: Finding[] = [];
  const overdueRule = [...ctx.ruleSet.rules.values()].some((r) => r.check.kind === 'overdue');
  const validity = overdueRule
    ? cycles(ctx.facts ?? extractFacts(ctx))
        .filter((f) => f.kind === 'end-date')
        .map((f) => f.range)
    : [];
  for (const sentence of ctx.doc.sentences) {
    RANGE.lastIndex = 0;
    for (let m = RANGE.exec(sentence.text); m; m = RANGE.exec(sentence.text)) {
      const from = Number(m[1]);
      // "2020–22" ends in 2022.
      const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (to <= from || to - from > 20 || to >= year) continue;
      // Part of a URL or file path, not a period the text names.
      const token = sentence.text.slice(0, m.index).split(/\s/).pop() ?? '';
      if (URLISH.test(token)) continue;
      const range = sentenceRange(sentence, m.index, m.index + m[0].length);
      if (validity.some((v) => range.start >= v.start && range.start < v.end)) continue;
      findings.push({ ruleId: rule.id, range, message: message(rule, 'expired', { period: m[0], end: String(to), year: String(year) }) });
    }
  }
  return findings;
};
