import type { Check } from './context.js';
import { firstIn, message } from './context.js';
import { insertSectionFix, missingRange } from './placement.js';
import type { SectionCheck } from '../rules/model.js';

/**
 * Which document types need the section: the rule's default, or the configured
 * `requiredFor` list, or `required: true|false` for every type.
 */
export function isRequired(check: SectionCheck, options: Record<string, unknown>, type: string | undefined): boolean {
  if (typeof options.required === 'boolean') return options.required;
  const list = Array.isArray(options.requiredFor) ? (options.requiredFor as string[]) : check.requiredFor;
  return list.includes(type ?? 'okänd');
}

export const checkSection: Check = (rule, ctx) => {
  const check = rule.check as SectionCheck;
  if (!isRequired(check, ctx.options, ctx.documentType)) return [];
  if (check.metadata?.some((key) => ctx.metadata.has(key))) return [];
  const section = ctx.sections.find((s) => s.id === rule.section);
  if (section) {
    const words = section.blocks.reduce((n, b) => n + ctx.doc.blocks[b]!.text.split(/\s+/).filter(Boolean).length, 0);
    if (words >= (check.minWords ?? 1)) return [];
    return [{ ruleId: rule.id, range: { start: section.heading.start, end: section.heading.end }, message: message(rule, 'emptySection') }];
  }
  if (check.statements) {
    const re = ctx.patterns.get(check.statements);
    if (ctx.doc.sentences.some((s) => firstIn(ctx, re, s))) return [];
  }
  const fix = insertSectionFix(rule, ctx);
  const type = ctx.documentType ?? 'okänd';
  return [{ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'missing', { type }), ...(fix ? { fixes: [fix] } : {}) }];
};
