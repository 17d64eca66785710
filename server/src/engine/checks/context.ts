import type { BlockCache, PolicyDocument } from '../document/parse.js';
import type { Sentence } from '../document/sentences.js';
import type { Section } from '../analysis/sections.js';
import type { MetadataValue } from '../analysis/metadata.js';
import { findAll, findFirst, type PatternCache, type TextMatch } from '../match/pattern.js';
import type { RuleDefinition, RuleSet } from '../rules/model.js';
import type { Bilingual, Finding, OffsetRange } from '../types.js';
import type { LocalBody } from '../config/model.js';
import type { GovernanceFacts } from '../facts/model.js';

/** Everything a check may read. Built once per lint; checks never re-parse. */
export interface CheckContext {
  doc: PolicyDocument;
  ruleSet: RuleSet;
  patterns: PatternCache;
  sections: Section[];
  title: OffsetRange & { text: string };
  metadata: Map<string, MetadataValue>;
  documentType: string | undefined;
  /** The municipality's own bodies, from the configuration. */
  localBodies?: readonly LocalBody[];
  /** What the document says about its own governance, read before the checks run. */
  facts?: GovernanceFacts;
  /** Words the configuration and word lists accept (spelling). */
  words: readonly string[];
  /** ISO date that counts as today (pinned in tests). */
  today: string;
  /** Options of the rule being run, from configuration. */
  options: Record<string, unknown>;
  /** Results shared between checks (e.g. review-overdue reads review-cycle's). */
  memo: Map<string, unknown>;
  /** Per-block results kept between versions of one document (editors); absent in the CLI. */
  blockCache?: BlockCache;
}

export type Check = (rule: RuleDefinition, ctx: CheckContext) => Finding[];

/** Fills `{name}` placeholders of a bilingual message. Values may be bilingual too. */
export function format(message: Bilingual, values: Record<string, string | Bilingual> = {}): Bilingual {
  const fill = (text: string, lang: 'sv' | 'en'): string => {
    const parts = templateParts(text);
    if (parts.length === 1) return text;
    let out = '';
    // Even indexes are literal text, odd ones placeholder names.
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) out += parts[i]!;
      else {
        const v = values[parts[i]!];
        out += v === undefined ? `{${parts[i]!}}` : typeof v === 'string' ? v : v[lang];
      }
    }
    return out;
  };
  return { sv: fill(message.sv, 'sv'), en: fill(message.en, 'en') };
}

/** Message templates split at their placeholders, once per template (drafts have thousands of findings). */
const templates = new Map<string, string[]>();
function templateParts(text: string): string[] {
  let parts = templates.get(text);
  if (!parts) templates.set(text, (parts = text.split(/\{(\w+)\}/)));
  return parts;
}

/** The rule's message `key`, filled in; `key` rides along so lint() can record it on the finding. */
export function message(rule: RuleDefinition, key: string, values?: Record<string, string | Bilingual>): Bilingual & { key: string } {
  const m = rule.messages[key] ?? rule.messages.missing ?? Object.values(rule.messages)[0]!;
  return { ...format(m, values), key };
}

/** `findFirst` through the editor's per-document match cache when there is one. */
export function first(ctx: CheckContext, re: RegExp, text: string): TextMatch | undefined {
  return ctx.blockCache ? ctx.blockCache.forText(re, text, (own) => findFirst(re, own)) : findFirst(re, text);
}

/** `findFirst` over a whole sentence: the editor caches it with the sentence's chunk. */
export function firstIn(ctx: CheckContext, re: RegExp, sentence: Sentence): TextMatch | undefined {
  if (!ctx.blockCache) return findFirst(re, sentence.text);
  return ctx.blockCache.firstMatch(re, sentence);
}

/** `findAll` over a whole sentence: the editor caches it with the sentence's chunk. */
export function allIn(ctx: CheckContext, re: RegExp, sentence: Sentence): TextMatch[] {
  if (!ctx.blockCache) return findAll(re, sentence.text);
  return ctx.blockCache.allMatches(re, sentence);
}

export function memo<T>(ctx: CheckContext, key: string, compute: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = compute();
  ctx.memo.set(key, value);
  return value;
}

const keys = new WeakMap<object, WeakMap<object, object>>();
const NO_BODIES = {};

/**
 * One key object per rule check and configured bodies, for BlockCache.forText: a result read
 * with one configuration's bodies must not be found under another's.
 */
export function textKey(check: object, localBodies: readonly unknown[] | undefined): object {
  let byBodies = keys.get(check);
  if (!byBodies) keys.set(check, (byBodies = new WeakMap()));
  const bodies = localBodies ?? NO_BODIES;
  let key = byBodies.get(bodies);
  if (!key) byBodies.set(bodies, (key = {}));
  return key;
}
