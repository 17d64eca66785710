import type { CheckContext } from '../checks/context.js';
import { memo } from '../checks/context.js';
import type { MetadataValue } from '../analysis/metadata.js';
import { sentenceRange, type Sentence } from '../document/sentences.js';
import type { RuleDefinition } from '../rules/model.js';
import { extractAdoption, extractStatus } from './adoption.js';
import { definedBodies } from './bodies.js';
import { extractFollowUp } from './followUp.js';
import type { GovernanceFacts, TextFact } from './model.js';
import { extractResponsibilities, metadataResponsibilities } from './responsibility.js';
import { extractReview } from './review.js';
import { swedishPatterns, type SwedishPatterns } from '../analysis/swedish.js';

/** The statement rule that reads a kind of fact (`fact: review` in its check). */
export function factRule(ctx: CheckContext, fact: 'review' | 'follow-up'): RuleDefinition | undefined {
  for (const rule of ctx.ruleSet.rules.values()) if (rule.check.kind === 'statement' && rule.check.fact === fact) return rule;
  return undefined;
}

function textFact(v: MetadataValue | undefined): TextFact | undefined {
  if (!v) return undefined;
  return { value: v.value, range: v.range, evidence: v.value, source: v.origin === 'front-matter' ? 'front-matter' : 'metadata' };
}

/** What one sentence says of the document's scope and of what it replaces (most say neither). */
interface ScopeAndReplaces {
  scope: string | undefined;
  replaces: string | undefined;
}
const NEITHER: ScopeAndReplaces = { scope: undefined, replaces: undefined };

function scopeAndReplacesIn(sentence: Sentence, patterns: SwedishPatterns): ScopeAndReplaces {
  const text = sentence.text.trim().replace(/[.]$/, '');
  const scope = patterns.scope.exec(text)?.[1];
  const replaces = patterns.replaces.exec(text)?.[1];
  const validScope = scope !== undefined && !/^(?:till|t\.o\.m|tills|under|från|\d)/iu.test(scope) ? scope : undefined;
  return validScope === undefined && replaces === undefined ? NEITHER : { scope: validScope, replaces };
}

/** Scope and what the document replaces, from its own sentences ("Policyn gäller för alla nämnder"). */
function fromSentences(ctx: CheckContext): { scope?: TextFact; replaces?: TextFact } {
  const out: { scope?: TextFact; replaces?: TextFact } = {};
  const patterns = swedishPatterns(ctx.ruleSet.swedish);
  const read = (sentence: Sentence): ScopeAndReplaces => scopeAndReplacesIn(sentence, patterns);
  const cache = ctx.blockCache;
  for (const s of ctx.doc.sentences) {
    // Read once per sentence text in an editor (two expressions per sentence and keystroke).
    const said = cache ? cache.ofSentence(s, patterns, read) : read(s);
    if (said === NEITHER) continue;
    const fact = (value: string): TextFact => ({ value, range: sentenceRange(s, 0, s.text.trimEnd().length), evidence: s.text.trim(), source: 'text' });
    if (!out.scope && said.scope !== undefined) out.scope = fact(said.scope);
    if (!out.replaces && said.replaces !== undefined) out.replaces = fact(said.replaces);
  }
  return out;
}

/** Related documents: the metadata field, else the items of the related-documents section. */
function related(ctx: CheckContext): TextFact[] {
  const field = textFact(ctx.metadata.get('relaterade'));
  if (field) return [field];
  const section = ctx.sections.find((s) => s.id === 'relaterade');
  if (!section) return [];
  return section.blocks
    .map((b) => ctx.doc.blocks[b]!)
    .filter((b) => b.kind !== 'heading' && b.text.trim())
    .map((b) => ({ value: b.text.trim(), range: { start: b.start, end: b.end }, evidence: b.text.trim(), source: 'text' as const }));
}

/** Reads the document's governance facts once per lint; every check reads them from here. */
export function extractFacts(ctx: CheckContext): GovernanceFacts {
  return memo(ctx, 'facts', () => {
    const metadata = ctx.metadata;
    const facts = {} as GovernanceFacts;
    const adoption = extractAdoption(metadata, ctx);
    if (adoption) facts.adoption = adoption;
    const status = extractStatus(metadata, ctx);
    if (status) facts.status = status;
    facts.review = extractReview(factRule(ctx, 'review'), metadata, ctx);
    facts.responsibilities = [...metadataResponsibilities(metadata, ctx), ...extractResponsibilities(ctx)];
    facts.followUp = extractFollowUp(factRule(ctx, 'follow-up'), metadata, ctx);
    facts.related = related(ctx);
    facts.bodies = definedBodies(ctx);
    const sentences = fromSentences(ctx);
    const fields: [keyof GovernanceFacts, string][] = [
      ['owner', 'dokumentansvarig'],
      ['scope', 'giltig-for'],
      ['version', 'version'],
      ['replaces', 'ersatter'],
      ['validFrom', 'giltig-fran'],
    ];
    for (const [name, key] of fields) {
      const fact = textFact(metadata.get(key));
      if (fact) (facts as unknown as Record<string, TextFact>)[name] = fact;
    }
    const scope = facts.scope ?? sentences.scope;
    const replaces = facts.replaces ?? sentences.replaces;
    if (scope) facts.scope = scope;
    if (replaces) facts.replaces = replaces;
    return facts;
  });
}
