import type { Check } from './context.js';
import { message } from './context.js';
import { sentenceRange } from '../document/sentences.js';
import type { Finding } from '../types.js';

const RANGE = /(?<![\p{L}\p{N}\/.-])((?:19|20)\d\d)\s?[-–—]\s?((?:19|20)\d\d|\d\d(?![-\d]))(?![0-9])/gu;
const URLISH = /(?:https?:\/\/|www\.|\/)\S*$/u;

/** Named periods ("prioriteringar 2019–2024") whose last year has passed. */
export const checkPeriod: Check = (rule, ctx) => {
  const year = Number(ctx.today.slice(0, 4));
  const findings: Finding[] = [];
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
      findings.push({
        ruleId: rule.id,
        range: sentenceRange(sentence, m.index, m.index + m[0].length),
        message: message(rule, 'expired', { period: m[0], end: String(to), year: String(year) }),
      });
    }
  }
  return findings;
};
