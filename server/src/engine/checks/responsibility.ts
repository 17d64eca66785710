import type { Check, CheckContext } from './context.js';
import { allIn, firstIn, message } from './context.js';
import { insertSectionFix, missingRange } from './placement.js';
import { findFirst } from '../match/pattern.js';
import { sentenceRange, type Sentence } from '../document/sentences.js';
import type { ResponsibilityCheck, RuleDefinition } from '../rules/model.js';
import type { Finding, OffsetRange } from '../types.js';

/** Who a sentence makes responsible, and what kind of actor that is. */
export interface Assignment {
  actor: string;
  kind: 'body' | 'vague' | 'organisation' | 'other';
  range: OffsetRange;
  sentence: Sentence;
}

const CLAUSE_BREAK = /[,;:()–]|\s(?:som|där|när|men|eftersom|medan)\s/giu;

/** Fronted adverbials: after them Swedish puts the verb before the subject (V2). */
const FRONTED = /^(?:vid|i|inom|under|efter|inför|utöver|när|på|gällande|beträffande|avseende|vad gäller|därför|därutöver|dessutom|också|även)(?![\p{L}])/iu;

/**
 * The actor of a verb whose subject normally precedes it, at most eight words of its clause.
 * "Det är kommunstyrelsen som ansvarar" (cleft) gives the clefted phrase; "Vid besök ansvarar
 * nämnden för" (inverted after a fronted adverbial) gives the words after the verb.
 */
function actorBefore(text: string, verbIndex: number): { start: number; end: number } {
  const cleft = /det är\s+(.{1,80}?)\s+som\s*$/iu.exec(text.slice(0, verbIndex));
  if (cleft) {
    const start = cleft.index + cleft[0].indexOf(cleft[1]!, 6);
    return { start, end: start + cleft[1]!.length };
  }
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m && m.index < verbIndex; m = CLAUSE_BREAK.exec(text)) start = m.index + m[0].length;
  const words = [...text.slice(start, verbIndex).matchAll(/\S+/g)];
  const kept = words.slice(-8);
  const from = kept[0] ? start + kept[0].index : verbIndex;
  if (FRONTED.test(text.slice(from, verbIndex).trim())) {
    // The verb word itself ends the match's first word; the subject follows it.
    const afterVerb = verbIndex + (/^\S+/u.exec(text.slice(verbIndex))?.[0].length ?? 0);
    const span = actorAfter(text, afterVerb);
    if (span.end > span.start) return span;
  }
  return { start: from, end: verbIndex };
}

/** The words after a phrase up to the end of the clause, at most eight. */
function actorAfter(text: string, from: number): { start: number; end: number } {
  const rest = text.slice(from);
  const stop = /[.,;:()]|\s(?:som|och har|samt|för|för att)\s/u.exec(rest);
  const clause = rest.slice(0, stop ? stop.index : rest.length);
  const words = [...clause.matchAll(/\S+/g)].slice(0, 8);
  if (words.length === 0) return { start: from, end: from };
  const last = words[words.length - 1]!;
  return { start: from + words[0]!.index, end: from + last.index + last[0].length };
}

export function classifyActor(actor: string, ctx: CheckContext): Assignment['kind'] {
  const vague = ctx.patterns.get(ctx.ruleSet.bodies.vague);
  const withoutVague = actor.replace(vague, ' ');
  vague.lastIndex = 0;
  if (findFirst(ctx.patterns.get(['{body}']), withoutVague)) return 'body';
  if (withoutVague.trim() !== actor.trim()) return 'vague';
  if (findFirst(ctx.patterns.get(ctx.ruleSet.bodies.organisationSuffixes), actor)) return 'organisation';
  return 'other';
}

export function findAssignments(check: ResponsibilityCheck, ctx: CheckContext): Assignment[] {
  const out: Assignment[] = [];
  const before = ctx.patterns.get(check.actorBefore);
  const after = ctx.patterns.get(check.actorAfter);
  for (const sentence of ctx.doc.sentences) {
    const push = (span: { start: number; end: number }): void => {
      if (span.end <= span.start) return;
      const actor = sentence.text.slice(span.start, span.end).trim();
      out.push({ actor, kind: classifyActor(actor, ctx), range: sentenceRange(sentence, span.start, span.end), sentence });
    };
    for (const m of allIn(ctx, before, sentence)) push(actorBefore(sentence.text, m.index));
    for (const m of allIn(ctx, after, sentence)) push(actorAfter(sentence.text, m.end));
  }
  return out;
}

/** "Internationella rådet" → a pattern for any form of its name: "internationella råd*". */
function namePattern(actor: string, ctx: CheckContext): RegExp | undefined {
  const org = findFirst(ctx.patterns.get(ctx.ruleSet.bodies.organisationSuffixes), actor);
  if (!org) return undefined;
  const words = actor.slice(0, org.end).split(/\s+/).filter(Boolean).slice(-2);
  // Letters only: the name becomes a phrase pattern, where [ ] | { } * have meanings.
  const head = words[words.length - 1]!.replace(/[^\p{L}\p{N}-]/gu, '').replace(/(et|en|n|ets|ens|s)$/u, '');
  if (!head) return undefined;
  const adjective = words.length > 1 && /^[\p{Ll}\p{Lu}]+a$/u.test(words[0]!) ? `${words[0]!.toLowerCase()} ` : '';
  // Through the pattern cache: one RegExp per name, so editors' per-sentence results hold.
  return ctx.patterns.get([`${adjective}${head.toLowerCase()}*`]);
}

/** A document defines an organisation by describing it: its members, its tasks, a heading. */
function isDefined(actor: string, assignment: Sentence, check: ResponsibilityCheck, ctx: CheckContext): boolean {
  const name = namePattern(actor, ctx);
  if (!name) return false;
  const cues = ctx.patterns.get(check.definitionCues);
  if (ctx.doc.headings.some((h) => findFirst(name, h.text))) return true;
  return ctx.doc.sentences.some((s) => s !== assignment && firstIn(ctx, name, s) !== undefined && firstIn(ctx, cues, s) !== undefined);
}

export const checkResponsibility: Check = (rule: RuleDefinition, ctx: CheckContext): Finding[] => {
  const check = rule.check as ResponsibilityCheck;
  const assignments = findAssignments(check, ctx);
  const findings: Finding[] = [];
  let named = false;
  for (const a of assignments) {
    if (a.kind === 'body') named = true;
    else if (a.kind === 'organisation') {
      if (isDefined(a.actor, a.sentence, check, ctx)) named = true;
      else findings.push({ ruleId: rule.id, range: a.range, message: message(rule, 'undefined', { actor: a.actor }) });
    }
  }
  if (named) return findings;
  const vague = assignments.find((a) => a.kind === 'vague');
  if (vague) {
    findings.push({ ruleId: rule.id, range: vague.range, message: message(rule, 'vague', { actor: vague.actor }) });
    return findings;
  }
  if (findings.length) return findings;
  const section = rule.section ? ctx.sections.find((s) => s.id === rule.section) : undefined;
  const fix = section ? undefined : insertSectionFix(rule, ctx);
  findings.push({ ruleId: rule.id, range: missingRange(rule, ctx), message: message(rule, 'missing'), ...(fix ? { fixes: [fix] } : {}) });
  return findings;
};
