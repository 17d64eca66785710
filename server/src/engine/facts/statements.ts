import type { CheckContext } from '../checks/context.js';
import { first, firstIn, memo } from '../checks/context.js';
import { sentenceRange, type Sentence } from '../document/sentences.js';
import type { RuleDefinition, StatementCheck } from '../rules/model.js';
import type { OffsetRange } from '../types.js';
import type { TextMatch } from '../match/pattern.js';
import { swedishPatterns } from '../analysis/swedish.js';

export interface StatementMatch {
  sentence: Sentence;
  range: OffsetRange;
  /** The sentence, and the next one when it continues it ("Detta sker i årsredovisningen."). */
  window: string;
  trigger: TextMatch;
  /** Text that satisfied each part, and where in `window`. */
  found: Record<string, string>;
  at: Record<string, TextMatch>;
  missing: string[];
  /** The sentence names none of the rule's topics. */
  offTopic: boolean;
}

/** At most this many statements per rule and document (facts are a summary, not an index). */
export const MAX_STATEMENTS = 40;

/**
 * Every sentence that makes a statement of the rule's kind (a trigger about one of its
 * topics, not excluded), with the parts it gives and lacks. Once per document and rule.
 */
export function scanStatements(rule: RuleDefinition, ctx: CheckContext): StatementMatch[] {
  return memo(ctx, `statements:${rule.id}`, () => {
    const check = rule.check as StatementCheck;
    const out: StatementMatch[] = [];
    const partNames = Object.keys(check.parts);
    const triggers = ctx.patterns.get(check.triggers);
    const exclude = check.exclude ? ctx.patterns.get(check.exclude) : undefined;
    const topics = check.topics ? ctx.patterns.get(check.topics) : undefined;
    const sentences = ctx.doc.sentences;
    const continuation = swedishPatterns(ctx.ruleSet.swedish).continuation;
    // A metadata label ("Revideras:") is read as metadata, not as a statement in a sentence.
    const labels = [...ctx.metadata.values()].map((v) => v.labelRange).filter((r): r is OffsetRange => r !== undefined);
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      // A heading names the topic ("Uppföljning"); it says nothing about how it is done.
      if (ctx.doc.blocks[sentence.block]!.kind === 'heading') continue;
      const trigger = firstIn(ctx, triggers, sentence);
      if (!trigger) continue;
      if (exclude && firstIn(ctx, exclude, sentence)) continue;
      const at = sentenceRange(sentence, trigger.index, trigger.end).start;
      if (labels.some((l) => at >= l.start && at < l.end)) continue;
      const next = sentences[i + 1];
      const continues = next && next.block === sentence.block && continuation.test(next.text.trimStart());
      const window = continues ? `${sentence.text} ${next.text}` : sentence.text;
      const offTopic = topics !== undefined && !first(ctx, topics, window);
      const found: Record<string, string> = {};
      const partAt: Record<string, TextMatch> = {};
      const missing: string[] = [];
      for (const part of partNames) {
        const m = first(ctx, ctx.patterns.get(check.parts[part]!), window);
        if (m) {
          found[part] = m.text;
          partAt[part] = m;
        } else missing.push(part);
      }
      out.push({ sentence, range: sentenceRange(sentence, 0, sentence.text.trimEnd().length), window, trigger, found, at: partAt, missing, offTopic });
      // A document states these a handful of times; a 10 MB paste must not cost thousands of reads.
      if (out.length >= MAX_STATEMENTS) break;
    }
    return out;
  });
}
