import { first, type CheckContext } from '../checks/context.js';
import type { MetadataValue } from '../analysis/metadata.js';
import { findFirst } from '../match/pattern.js';
import type { RuleDefinition, StatementCheck } from '../rules/model.js';
import { bodiesKey, findBody } from './bodies.js';
import type { FollowUpFact } from './model.js';
import { scanStatements } from './statements.js';

type Parts = Pick<FollowUpFact, 'frequency' | 'recipient' | 'missing' | 'unclear'>;

/** Every statement of how the work is followed up: what, how often, to whom. */
export function extractFollowUp(rule: RuleDefinition | undefined, metadata: Map<string, MetadataValue>, ctx: CheckContext): FollowUpFact[] {
  if (!rule) return [];
  const check = rule.check as StatementCheck;
  const out: FollowUpFact[] = [];
  // What a statement gives depends on its text and the bodies in force (see bodiesKey): an editor
  // reads an unchanged sentence once, not on every keystroke.
  const cacheKey = bodiesKey(ctx, check);
  const parts = (text: string): Parts => (ctx.blockCache ? ctx.blockCache.forText(cacheKey, text, readParts) : readParts(text));
  const readParts = (text: string): Parts => {
    const frequency = findFirst(ctx.patterns.get(check.parts.frequency ?? ['{frequency}']), text);
    let recipient = check.parts.recipient ? findFirst(ctx.patterns.get(check.parts.recipient), text) : undefined;
    // A body a few words after "till/för" ("till kultur- och fritidsnämnden"), configured and defined ones too.
    if (!recipient) {
      for (const m of text.matchAll(/(?<![\p{L}])(?:till|för|hos|inför)\s+/giu)) {
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
        const body = findBody(after, ctx);
        if (body && after.slice(0, body.index).split(/\s+/).filter(Boolean).length <= 2) {
          recipient = body;
          break;
        }
      }
    }
    const missing: string[] = [];
    if (!frequency && check.parts.frequency) missing.push('frequency');
    if (!recipient && check.parts.recipient) missing.push('recipient');
    const unclear = !frequency && check.unclear ? findFirst(ctx.patterns.get(check.unclear), text) : undefined;
    // The recipient as a name ("kommunstyrelsen"), not the phrase that led to it ("anmälas till …").
    const recipientName = recipient ? (findBody(recipient.text, ctx)?.text ?? recipient.text.replace(/^(?:till|för|hos|inför|med|i)\s+/iu, '')) : undefined;
    return { missing, ...(frequency ? { frequency: frequency.text } : {}), ...(recipientName ? { recipient: recipientName } : {}), ...(unclear ? { unclear: unclear.text } : {}) };
  };
  for (const key of check.metadata ?? []) {
    const v = metadata.get(key);
    if (!v) continue;
    out.push({ ...parts(v.value), range: v.range, evidence: v.value, source: v.origin === 'front-matter' ? 'front-matter' : 'metadata' });
  }
  const topics = check.topics ? ctx.patterns.get(check.topics) : undefined;
  for (const match of scanStatements(rule, ctx)) {
    const read = parts(match.window);
    // Off the topic (pupils reporting on an exchange): it counts only with both a cadence and a recipient.
    if (match.offTopic && read.missing.length > 0) continue;
    // Through the editor's cache: the same statements are read again on every keystroke.
    if (match.offTopic && check.notTopics && first(ctx, ctx.patterns.get(check.notTopics), match.window)) continue;
    const what = topics ? first(ctx, topics, match.window) : undefined;
    out.push({ ...read, ...(what ? { what: what.text } : {}), range: match.range, evidence: match.sentence.text.trim(), source: 'text' });
  }
  return out;
}
