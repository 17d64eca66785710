import type { Check, CheckContext } from './context.js';
import { firstIn, memo, message } from './context.js';
import { missingRange } from './placement.js';
import { findDates, toIsoDate } from '../analysis/dates.js';
import { sentenceRange } from '../document/sentences.js';
import type { AdoptionCheck, RuleDefinition } from '../rules/model.js';
import type { Finding, OffsetRange } from '../types.js';

export interface AdoptionFacts {
  body?: string;
  date?: string;
  paragraph?: string;
  range?: OffsetRange;
}

const PARAGRAPH = /§\s*\d+/u;

/**
 * "Antagen av …" states this document's adoption when it opens the sentence or stands in the
 * document's head; "visionen, som antogs av …" in running text is another document's.
 */
function aboutThisDocument(text: string, verbIndex: number, offset: number, ctx: CheckContext): boolean {
  const before = text.slice(0, verbIndex).trim();
  if (/(?:^|\s)som$/iu.test(before)) return false;
  const words = before ? before.split(/\s+/).length : 0;
  if (words <= 3) return true;
  const firstSection = ctx.sections.find((s) => s.heading.depth >= 2 || s.heading.start > ctx.title.start);
  const inHead = !firstSection || offset < firstSection.heading.start;
  return inHead && /^(?:denna|detta|policyn|strategin|riktlinjen|riktlinjerna|programmet|planen|dokumentet)\b/iu.test(before);
}

/** Adoption data from front matter, the metadata block, or a sentence ("Antagen av … den …"). */
export function adoptionFacts(ctx: CheckContext): AdoptionFacts {
  return memo(ctx, 'adoption-facts', () => {
    const facts: AdoptionFacts = {};
    const body = ctx.metadata.get('beslutad-av');
    const date = ctx.metadata.get('beslutad');
    const paragraph = ctx.metadata.get('paragraf');
    if (body) {
      facts.body = body.value;
      facts.range = body.range;
    }
    if (date) {
      const iso = toIsoDate(date.raw);
      if (iso) facts.date = iso;
      facts.range ??= date.range;
      const p = PARAGRAPH.exec(date.value);
      if (p) facts.paragraph = p[0];
    }
    if (paragraph) facts.paragraph = paragraph.value;
    if (facts.body && facts.date) return facts;

    const rule = [...ctx.ruleSet.rules.values()].find((r) => r.check.kind === 'adoption');
    if (!rule) return facts;
    const verbs = ctx.patterns.get((rule.check as AdoptionCheck).verbs);
    const skip = new Set(ctx.sections.filter((s) => s.id === 'relaterade').flatMap((s) => s.blocks));
    for (const sentence of ctx.doc.sentences) {
      if (skip.has(sentence.block)) continue;
      const verb = firstIn(ctx, verbs, sentence);
      if (!verb || !aboutThisDocument(sentence.text, verb.index, sentence.start, ctx)) continue;
      const rest = sentence.text.slice(verb.end);
      const bodyMatch = /^\s*(.+?)(?=\s+(?:den|på|vid|i sitt|i)\s|\s*[,.(§]|\s+\d|$)/u.exec(rest);
      const sentenceBody = bodyMatch?.[1]?.trim();
      const dates = findDates(rest);
      const p = PARAGRAPH.exec(rest);
      if (!facts.body && sentenceBody) facts.body = sentenceBody;
      if (!facts.date && dates[0]) facts.date = dates[0].iso;
      if (!facts.paragraph && p) facts.paragraph = p[0];
      facts.range = sentenceRange(sentence, 0, sentence.text.trimEnd().length);
      break;
    }
    return facts;
  });
}

export const checkAdoption: Check = (rule: RuleDefinition, ctx: CheckContext): Finding[] => {
  const facts = adoptionFacts(ctx);
  if (facts.body && facts.date) return [];
  if (!facts.body && !facts.date) {
    return [{ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'missing') }];
  }
  const range = facts.range ?? missingRange(rule, ctx);
  if (!facts.date) return [{ ruleId: rule.id, range, message: message(rule, 'noDate', { body: facts.body! }) }];
  return [{ ruleId: rule.id, range, message: message(rule, 'noBody', { date: facts.date }) }];
};
