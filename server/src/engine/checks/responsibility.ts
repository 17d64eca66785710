import type { Check, CheckContext } from './context.js';
import { message } from './context.js';
import { insertSectionFix, missingRange } from './placement.js';
import { extractFacts } from '../facts/extract.js';
import { looksLikeName } from '../facts/responsibility.js';
import type { RuleDefinition } from '../rules/model.js';
import type { Finding } from '../types.js';

/**
 * Someone named owns the work: a known, configured or defined body among the
 * responsibility facts. Groups never defined are errors where they are given work; a
 * name policylint cannot place is a warning that says so; vague actors name nobody.
 */
export const checkResponsibility: Check = (rule: RuleDefinition, ctx: CheckContext): Finding[] => {
  const facts = (ctx.facts ?? extractFacts(ctx)).responsibilities;
  const findings: Finding[] = [];
  const named = facts.some((f) => f.kind === 'body' || f.kind === 'defined');
  for (const f of facts) {
    // Beside a named owner, a group never described is a flaw to point at, not a missing owner.
    if (f.kind === 'organisation') findings.push({ ruleId: rule.id, range: f.range, message: message(rule, 'undefined', { actor: f.actor }), ...(named ? { severity: 'warning' as const } : {}) });
  }
  if (named) return findings;
  const vague = facts.find((f) => f.kind === 'vague');
  if (vague) {
    findings.push({ ruleId: rule.id, range: vague.range, message: message(rule, 'vague', { actor: vague.actor }) });
    return findings;
  }
  if (findings.length) return findings;
  const unknown = facts.find((f) => f.kind === 'other' && looksLikeName(f.actor));
  if (unknown) return [{ ruleId: rule.id, range: unknown.range, severity: 'warning', message: message(rule, 'unreadable', { actor: unknown.actor }) }];
  const section = rule.section ? ctx.sections.find((s) => s.id === rule.section) : undefined;
  const fix = section ? undefined : insertSectionFix(rule, ctx);
  findings.push({ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'missing'), ...(fix ? { fixes: [fix] } : {}) });
  return findings;
};
