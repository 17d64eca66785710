import type { Check, CheckContext } from './context.js';
import { first, firstIn, memo, message } from './context.js';
import { insertSectionFix, missingRange } from './placement.js';
import { findFirst } from '../match/pattern.js';
import { sentenceRange, type Sentence } from '../document/sentences.js';
import { toIsoDate } from '../analysis/dates.js';
import type { RuleDefinition, StatementCheck } from '../rules/model.js';
import type { Bilingual, Finding, OffsetRange } from '../types.js';

export interface StatementMatch {
  sentence: Sentence;
  range: OffsetRange;
  /** Text that satisfied each part (sentence and the next one in its paragraph). */
  found: Record<string, string>;
  missing: string[];
}

export interface StatementResult {
  complete?: StatementMatch;
  /** The attempt that came closest, when none is complete. */
  partial?: StatementMatch;
  /** A front matter or metadata value that satisfies the check on its own. */
  metadata?: { key: string; value: string; range: OffsetRange };
}

const CONTINUATION = /^(?:detta|det|den|denna|dessa|de|där|då|därefter|sedan|uppföljningen|redovisningen|revideringen|översynen|rapporten|sammanställningen)(?![\p{L}])/iu;

/** Evaluates a statement rule once per document (other rules read the result). */
export function evaluateStatement(rule: RuleDefinition, ctx: CheckContext): StatementResult {
  return memo(ctx, `statement:${rule.id}`, () => {
    const check = rule.check as StatementCheck;
    const result: StatementResult = {};
    const partNames = Object.keys(check.parts);
    const satisfiesAPart = (text: string): boolean => partNames.some((p) => findFirst(ctx.patterns.get(check.parts[p]!), text) !== undefined);

    for (const key of check.metadata ?? []) {
      const value = ctx.metadata.get(key);
      if (!value) continue;
      const excluded = check.exclude && findFirst(ctx.patterns.get(check.exclude), value.value);
      if (!excluded && (satisfiesAPart(value.value) || toIsoDate(value.raw))) {
        result.metadata = { key, value: value.value, range: value.range };
        return result;
      }
    }

    const triggers = ctx.patterns.get(check.triggers);
    const exclude = check.exclude ? ctx.patterns.get(check.exclude) : undefined;
    const topics = check.topics ? ctx.patterns.get(check.topics) : undefined;
    const sentences = ctx.doc.sentences;
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      // A heading names the topic ("Uppföljning"); it says nothing about how it is done.
      if (ctx.doc.blocks[sentence.block]!.kind === 'heading') continue;
      const trigger = firstIn(ctx, triggers, sentence);
      if (!trigger) continue;
      if (exclude && firstIn(ctx, exclude, sentence)) continue;
      const next = sentences[i + 1];
      // The next sentence completes this one only when it continues it ("Detta sker i årsredovisningen.").
      const continues = next && next.block === sentence.block && CONTINUATION.test(next.text.trimStart());
      const window = continues ? `${sentence.text} ${next.text}` : sentence.text;
      // A trigger about something else (pupils reporting on an exchange) is no attempt at all.
      if (topics && !first(ctx, topics, window)) continue;
      const found: Record<string, string> = {};
      const missing: string[] = [];
      for (const part of partNames) {
        const m = first(ctx, ctx.patterns.get(check.parts[part]!), window);
        if (m) found[part] = m.text;
        else missing.push(part);
      }
      const match: StatementMatch = { sentence, range: sentenceRange(sentence, 0, sentence.text.trimEnd().length), found, missing };
      if (missing.length === 0) {
        result.complete = match;
        return result;
      }
      if (!result.partial || missing.length < result.partial.missing.length) result.partial = match;
    }
    return result;
  });
}

function partList(rule: RuleDefinition, missing: string[]): Bilingual {
  const names = missing.map((p) => rule.messages[`part.${p}`] ?? { sv: p, en: p });
  const join = (lang: 'sv' | 'en', and: string): string => {
    const words = names.map((n) => n[lang]);
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}` : words[0] ?? '';
  };
  return { sv: join('sv', 'och'), en: join('en', 'and') };
}

function wordCount(ctx: CheckContext, blocks: number[]): number {
  return blocks.reduce((n, b) => n + (ctx.doc.blocks[b]!.kind === 'heading' ? 0 : ctx.doc.blocks[b]!.text.split(/\s+/).filter(Boolean).length), 0);
}

export const checkStatement: Check = (rule, ctx) => {
  const result = evaluateStatement(rule, ctx);
  if (result.complete || result.metadata) return [];
  const findings: Finding[] = [];
  if (result.partial) {
    findings.push({
      ruleId: rule.id,
      range: result.partial.range,
      message: message(rule, 'partial', { parts: partList(rule, result.partial.missing) }),
      data: { missing: result.partial.missing },
    });
    return findings;
  }
  const section = rule.section ? ctx.sections.find((s) => s.id === rule.section) : undefined;
  if (section && wordCount(ctx, section.blocks) === 0) {
    return [{ ruleId: rule.id, range: { start: section.heading.start, end: section.heading.end }, message: message(rule, 'emptySection') }];
  }
  const fix = section ? undefined : insertSectionFix(rule, ctx);
  return [{ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'missing'), ...(fix ? { fixes: [fix] } : {}) }];
};
