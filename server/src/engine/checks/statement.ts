import type { Check, CheckContext } from './context.js';
import { message } from './context.js';
import { insertSectionFix, missingRange } from './placement.js';
import { toIsoDate } from '../analysis/dates.js';
import { findFirst } from '../match/pattern.js';
import { extractFacts } from '../facts/extract.js';
import { cycles, type FollowUpFact, type ReviewFact } from '../facts/model.js';
import { scanStatements } from '../facts/statements.js';
import type { RuleDefinition, StatementCheck } from '../rules/model.js';
import type { Bilingual, Finding, OffsetRange } from '../types.js';

function partList(rule: RuleDefinition, missing: string[]): Bilingual {
  const names = missing.map((p) => rule.messages[`part.${p}`] ?? { sv: p, en: p });
  const join = (lang: 'sv' | 'en', and: string): string => {
    const words = names.map((n) => n[lang]);
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}` : (words[0] ?? '');
  };
  return { sv: join('sv', 'och'), en: join('en', 'and') };
}

function wordCount(ctx: CheckContext, blocks: number[]): number {
  return blocks.reduce((n, b) => n + (ctx.doc.blocks[b]!.kind === 'heading' ? 0 : ctx.doc.blocks[b]!.text.split(/\s+/).filter(Boolean).length), 0);
}

/** Nothing on the topic at all: an empty section, or "missing" at the section or title. */
function missing(rule: RuleDefinition, ctx: CheckContext): Finding[] {
  const section = rule.section ? ctx.sections.find((s) => s.id === rule.section) : undefined;
  if (section && wordCount(ctx, section.blocks) === 0) {
    return [{ ruleId: rule.id, range: { start: section.heading.start, end: section.heading.end }, message: message(rule, 'emptySection') }];
  }
  const fix = section ? undefined : insertSectionFix(rule, ctx);
  return [{ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'missing'), ...(fix ? { fixes: [fix] } : {}) }];
}

function partial(rule: RuleDefinition, range: OffsetRange, parts: string[]): Finding {
  return { ruleId: rule.id, range, message: message(rule, 'partial', { parts: partList(rule, parts) }), data: { missing: parts } };
}

/** review-cycle: a cycle, an end date or a mandate period among the review facts. */
function checkReview(rule: RuleDefinition, review: ReviewFact[], ctx: CheckContext): Finding[] {
  if (cycles({ review } as never).length) return [];
  const unreadable = review.find((r) => r.kind === 'unreadable');
  if (unreadable) return [{ ruleId: rule.id, range: unreadable.range, severity: 'warning', message: message(rule, 'unreadable', { phrase: unreadable.cadence ?? unreadable.evidence }) }];
  const asNeeded = review.find((r) => r.kind === 'as-needed' || r.kind === 'until-further-notice');
  if (asNeeded) {
    const key = asNeeded.kind === 'until-further-notice' && rule.messages.untilFurtherNotice ? 'untilFurtherNotice' : 'asNeeded';
    return [{ ruleId: rule.id, range: asNeeded.range, message: message(rule, key, { phrase: asNeeded.cadence ?? '' }) }];
  }
  const mentioned = review.find((r) => r.kind === 'mentioned');
  if (mentioned) return [partial(rule, mentioned.range, ['cycle'])];
  return missing(rule, ctx);
}

/** follow-up: a statement with how often and to whom; a cadence it cannot read is a warning. */
function checkFollowUp(rule: RuleDefinition, followUp: FollowUpFact[], ctx: CheckContext): Finding[] {
  if (followUp.some((f) => f.missing.length === 0)) return [];
  const best = [...followUp].sort((a, b) => a.missing.length - b.missing.length)[0];
  if (!best) return missing(rule, ctx);
  if (best.unclear && best.missing.length === 1 && best.missing[0] === 'frequency') {
    return [{ ruleId: rule.id, range: best.range, severity: 'warning', message: message(rule, 'unreadable', { phrase: best.unclear }) }];
  }
  return [partial(rule, best.range, best.missing)];
}

/** A statement rule without a facts kind: the first complete statement, else the closest attempt. */
function checkGeneric(rule: RuleDefinition, ctx: CheckContext): Finding[] {
  const check = rule.check as StatementCheck;
  for (const key of check.metadata ?? []) {
    const value = ctx.metadata.get(key);
    if (!value) continue;
    const excluded = check.exclude && findFirst(ctx.patterns.get(check.exclude), value.value);
    const satisfies = Object.values(check.parts).some((p) => findFirst(ctx.patterns.get(p), value.value));
    if (!excluded && (satisfies || toIsoDate(value.raw))) return [];
  }
  const matches = scanStatements(rule, ctx).filter((m) => !m.offTopic);
  if (matches.some((m) => m.missing.length === 0)) return [];
  const best = [...matches].sort((a, b) => a.missing.length - b.missing.length)[0];
  return best ? [partial(rule, best.range, best.missing)] : missing(rule, ctx);
}

export const checkStatement: Check = (rule, ctx) => {
  const check = rule.check as StatementCheck;
  const facts = ctx.facts ?? extractFacts(ctx);
  if (check.fact === 'review') return checkReview(rule, facts.review, ctx);
  if (check.fact === 'follow-up') return checkFollowUp(rule, facts.followUp, ctx);
  return checkGeneric(rule, ctx);
};
