import type { CheckContext } from '../checks/context.js';
import { memo, textKey } from '../checks/context.js';
import { compilePatterns, findFirst, type TextMatch } from '../match/pattern.js';
import type { DefinedBody } from './model.js';
import type { Sentence } from '../document/sentences.js';
import { swedishPatterns } from '../analysis/swedish.js';

/**
 * Bodies beyond the known ones: the configuration's `bodies:` and the groups and bodies a
 * document itself sets up ("En styrgrupp bestående av … inrättas", "Tillväxtutskottet är ett
 * utskott under kommunstyrelsen").
 */

const localPatterns = new WeakMap<object, RegExp | null>();

/** A name as a phrase pattern from its letters: "Tillväxtutskottet" → "tillväxtutskott*". */
export function nameToPattern(name: string): string | undefined {
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  const stem = last.length > 5 ? last.replace(/(?:erna|arna|orna|en|et|na|n)$/u, '') : last;
  return [...words.slice(0, -1), `${stem}*`].join(' ').toLowerCase();
}

/** The configuration's bodies as one expression (cached per configuration list). */
export function localBodyPattern(ctx: CheckContext): RegExp | undefined {
  const bodies = ctx.localBodies;
  if (!bodies || bodies.length === 0) return undefined;
  let re = localPatterns.get(bodies);
  if (re === undefined) {
    const phrases = bodies.flatMap((b) => [nameToPattern(b.name), ...(b.patterns ?? [])]).filter((p): p is string => Boolean(p));
    try {
      re = phrases.length ? compilePatterns(phrases) : null;
    } catch {
      re = null;
    }
    localPatterns.set(bodies, re);
  }
  return re ?? undefined;
}

const DEFINITION =
  /^(?:(?:En|Ett|Den|Det|Vår|Kommunens)\s+)?((?:[\p{L}][\p{L}-]*)(?:\s+[\p{L}-]+){0,3}?)\s+(?:\(([\p{Lu}]{2,8})\)\s+)?(?:består av|utgörs av|är (?:ett|en) (?:[\p{L}-]+\s+){0,2}?(?:utskott|organ|råd|grupp|nätverk|forum|beredning|förvaltning|enhet|kontor|bolag|nämnd|avdelning|funktion|samverkansorgan|styrgrupp|arbetsgrupp|referensgrupp|kansli|sekretariat)\p{L}*|inrättas|inrättades|tillsätts|sammanträder|har till uppgift)/u;
const SETS_UP =
  /(?:inrättar|tillsätter|bildar|utser|skapar)\s+(?:kommunstyrelsen\s+|kommunen\s+)?(?:en|ett)\s+((?:[\p{Ll}-]+\s+)?[\p{L}-]*(?:grupp|råd|nätverk|forum|beredning|kommitté|team|styrgrupp|arbetsgrupp|utskott))\b/iu;
const CONSISTING =
  /((?:[\p{L}-]+\s+)?[\p{L}-]*(?:grupp|gruppen|råd|rådet|nätverk|nätverket|forum|forumet|beredning|beredningen|kommitté|kommittén|team|teamet))\s+(?:bestående av|som består av|där .{1,40} ingår|med representanter)/iu;

// The words each expression above cannot match without, with the same flags: most sentences
// have none of them, and the expressions' leading word runs are tried at every position.
const DEFINITION_WORDS = /består av|utgörs av|är (?:ett|en) |inrättas|inrättades|tillsätts|sammanträder|har till uppgift/u;
const SETS_UP_WORDS = /inrättar|tillsätter|bildar|utser|skapar/iu;
const CONSISTING_WORDS = /bestående av|som består av|ingår|med representanter/iu;

const DEFINED_NAMES = 'facts:defined-names';

/** The names a sentence defines (most define none). */
function namesIn(sentence: Sentence): readonly string[] {
  const text = sentence.text.trim();
  const names = [
    DEFINITION_WORDS.test(text) ? DEFINITION.exec(text)?.[1] : undefined,
    SETS_UP_WORDS.test(text) ? SETS_UP.exec(text)?.[1] : undefined,
    CONSISTING_WORDS.test(text) ? CONSISTING.exec(text)?.[1] : undefined,
  ].filter((n): n is string => n !== undefined);
  return names.length ? names : NO_NAMES;
}
const NO_NAMES: readonly string[] = [];

/** The bodies and groups a document defines, once per document. */
export function definedBodies(ctx: CheckContext): DefinedBody[] {
  return memo(ctx, 'facts:defined-bodies', () => {
    const out: DefinedBody[] = [];
    const seen = new Set<string>();
    const NOT_A_NAME = swedishPatterns(ctx.ruleSet.swedish).notName;
    const add = (name: string, description: string, start: number, end: number): void => {
      const clean = name.trim();
      const key = nameToPattern(clean);
      if (!key || seen.has(key) || NOT_A_NAME.test(clean) || clean.length < 3) return;
      seen.add(key);
      out.push({ name: clean, description: description.trim(), origin: 'document', range: { start, end } });
    };
    for (const body of ctx.localBodies ?? []) {
      const key = nameToPattern(body.name);
      if (key) seen.add(key);
      out.push({ name: body.name, ...(body.description ? { description: body.description } : {}), origin: 'config' });
    }
    // The names each sentence defines, kept with the sentence in an editor (the patterns are
    // costly and a keystroke changes one sentence).
    const cache = ctx.blockCache;
    for (const s of ctx.doc.sentences) {
      const names = cache ? cache.ofSentence(s, DEFINED_NAMES, namesIn) : namesIn(s);
      for (const name of names) add(name, s.text.trim(), s.start, s.end);
    }
    return out;
  });
}

/** The patterns of the bodies the document defines, one per line: what `findBody` depends on beyond the configuration. */
function definedSignature(ctx: CheckContext): string {
  return memo(ctx, 'facts:defined-signature', () =>
    definedBodies(ctx)
      .filter((b) => b.origin === 'document')
      .map((b) => nameToPattern(b.name))
      .filter((p): p is string => Boolean(p))
      .join('\n'),
  );
}

/** Compiled defined-body patterns by signature: the same few bodies on every keystroke. */
const definedPatterns = new Map<string, RegExp | null>();

/** One pattern per defined body, matching any inflection of its name. */
function definedPattern(ctx: CheckContext): RegExp | undefined {
  const signature = definedSignature(ctx);
  if (!signature) return undefined;
  let re = definedPatterns.get(signature);
  if (re === undefined) {
    try {
      re = compilePatterns(signature.split('\n'));
    } catch {
      re = null;
    }
    if (definedPatterns.size > 200) definedPatterns.clear();
    definedPatterns.set(signature, re);
  }
  return re ?? undefined;
}

const bodyKeys = new WeakMap<object, Map<string, object>>();

/**
 * A key for BlockCache.forText, for results that depend on a text and on the bodies in force:
 * the configuration's and those the document defines (a sentence read before the document
 * set up "styrgruppen" must be read again after). The same object while both stay the same.
 */
export function bodiesKey(ctx: CheckContext, owner: object): object {
  const base = textKey(owner, ctx.localBodies);
  const signature = definedSignature(ctx);
  let bySignature = bodyKeys.get(base);
  if (!bySignature) bodyKeys.set(base, (bySignature = new Map<string, object>()));
  let key = bySignature.get(signature);
  if (!key) {
    if (bySignature.size > 200) bySignature.clear();
    bySignature.set(signature, (key = {}));
  }
  return key;
}

export interface BodyMatch extends TextMatch {
  /** known: the vocabulary; local: the configuration; defined: the document. */
  origin: 'known' | 'local' | 'defined';
}

/** The first body named in a text: known, configured or defined by the document. */
export function findBody(text: string, ctx: CheckContext): BodyMatch | undefined {
  const hits: BodyMatch[] = [];
  const known = findFirst(ctx.patterns.get(['{body}']), text);
  if (known) hits.push({ ...known, origin: 'known' });
  const local = localBodyPattern(ctx);
  const l = local && findFirst(local, text);
  if (l) hits.push({ ...l, origin: 'local' });
  const defined = definedPattern(ctx);
  const d = defined && findFirst(defined, text);
  if (d) hits.push({ ...d, origin: 'defined' });
  return hits.sort((a, b) => a.index - b.index || b.end - a.end)[0];
}
