import type { Check, CheckContext } from './context.js';
import { memo, message } from './context.js';
import { documentReadability, LIX_LEVELS, proseSentences, sentenceCounts, type DocumentReadability, type LixScore } from '../analysis/readability.js';
import { sentenceRange } from '../document/sentences.js';
import type { ReadabilityCheck, SentenceLengthCheck } from '../rules/model.js';
import type { Finding } from '../types.js';

/** A positive number from the rule's options, else the rule file's default. */
function numberOption(ctx: CheckContext, name: string, fallback: number): number {
  const value = ctx.options[name];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Computed once per lint; other front ends (hover, compliance view) read it from the memo. */
export function readabilityOf(ctx: CheckContext): DocumentReadability {
  return memo(ctx, 'readability', () => documentReadability(ctx.doc));
}

/**
 * A LIX score (rounded to a tenth, see lix()) as Swedish writes it: "42,3", "1 000". Written
 * out, not with Intl.NumberFormat('sv-SE'): building that loads ICU's Swedish number data,
 * ~12 ms of a start that lints a draft. Anything else (not a plain decimal) goes to Intl.
 */
export function formatLix(lix: number): string {
  const plain = /^(\d+)(?:\.(\d))?$/.exec(String(lix));
  if (!plain) return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(lix);
  const whole = plain[1]!.replace(/\B(?=(\d{3})+$)/g, '\u00a0');
  return plain[2] === undefined ? whole : `${whole},${plain[2]}`;
}

const values = (score: LixScore, ceiling: number): Record<string, string | { sv: string; en: string }> => ({
  lix: formatLix(score.lix),
  level: LIX_LEVELS[score.level],
  ceiling: String(ceiling),
  words: String(score.words),
  sentences: String(score.sentences),
});

/**
 * LIX above the ceiling, for the document (on its title) and, unless `sections` is off, for each
 * section with enough running text to measure (on its heading). Short sections are not judged:
 * a LIX of ten sentences says little.
 */
export const checkReadability: Check = (rule, ctx) => {
  const check = rule.check as ReadabilityCheck;
  const ceiling = numberOption(ctx, 'ceiling', check.ceiling);
  const minWords = numberOption(ctx, 'minWords', check.minWords);
  const sections = typeof ctx.options.sections === 'boolean' ? ctx.options.sections : check.sections;
  const result = readabilityOf(ctx);
  const findings: Finding[] = [];
  if (result.document.words >= minWords && result.document.lix > ceiling) {
    const at = ctx.title.end > ctx.title.start ? ctx.title : { start: ctx.doc.bodyStart, end: ctx.doc.bodyStart };
    findings.push({ ruleId: rule.id, range: { start: at.start, end: at.end }, message: message(rule, 'document', values(result.document, ceiling)), data: { lix: result.document.lix } });
  }
  for (const section of sections ? result.sections : []) {
    if (section.words < minWords || section.lix <= ceiling) continue;
    findings.push({
      ruleId: rule.id,
      range: { start: section.heading.start, end: section.heading.end },
      message: message(rule, 'section', { ...values(section, ceiling), heading: section.heading.text }),
      data: { lix: section.lix },
    });
  }
  return findings;
};

/** Sentences of running text with more words than the limit. */
export const checkSentenceLength: Check = (rule, ctx) => {
  const check = rule.check as SentenceLengthCheck;
  const maxWords = numberOption(ctx, 'maxWords', check.maxWords);
  const findings: Finding[] = [];
  for (const sentence of proseSentences(ctx.doc)) {
    const { words } = sentenceCounts(sentence);
    if (words <= maxWords) continue;
    // The range is the sentence's opening words: the whole sentence would cover the paragraph.
    const head = sentence.words[Math.min(sentence.words.length, 5) - 1]!;
    findings.push({
      ruleId: rule.id,
      range: sentenceRange(sentence, 0, head.end),
      message: message(rule, 'long', { words: String(words), max: String(maxWords) }),
      data: { words },
    });
  }
  return findings;
};
