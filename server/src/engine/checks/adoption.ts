import type { Check, CheckContext } from './context.js';
import { message } from './context.js';
import { missingRange } from './placement.js';
import { extractFacts } from '../facts/extract.js';
import type { AdoptionFact } from '../facts/model.js';
import type { RuleDefinition } from '../rules/model.js';
import type { Finding } from '../types.js';

/** The document's own adoption, as the facts model read it. */
export function adoptionFacts(ctx: CheckContext): Partial<AdoptionFact> {
  return (ctx.facts ?? extractFacts(ctx)).adoption ?? {};
}

/**
 * Adoption holds when the facts give a body and a date. A body policylint does not know
 * ("Antagen av Tillväxtutskottet …") is a warning that names it, not an error. A document
 * that says it is a draft (status utkast or förslag) has not been decided yet: it names the
 * body that will decide, and the date and § come with the decision.
 */
export const checkAdoption: Check = (rule: RuleDefinition, ctx: CheckContext): Finding[] => {
  const facts = adoptionFacts(ctx);
  const range = facts.range ?? missingRange(rule, ctx);
  const status = (ctx.facts ?? extractFacts(ctx)).status?.status;
  if (status === 'utkast' || status === 'förslag') {
    return facts.body ? [] : [{ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'draftNoBody', { status }) }];
  }
  if (facts.body && facts.date) {
    if (facts.bodyKnown) return [];
    return [{ ruleId: rule.id, range, severity: 'warning', message: message(rule, 'unreadable', { body: facts.body, date: facts.date }) }];
  }
  if (!facts.body && !facts.date) return [{ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'missing') }];
  if (!facts.date) return [{ ruleId: rule.id, range, message: message(rule, 'noDate', { body: facts.body! }) }];
  return [{ ruleId: rule.id, range, message: message(rule, 'noBody', { date: facts.date }) }];
};
