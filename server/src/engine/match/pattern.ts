/**
 * Phrase patterns: the small matching language rule files are written in.
 *
 *   ansvarar för          words separated by any white space
 *   uppfölj*              `*` is any continuation of the word (Swedish inflection)
 *   vart|var fjärde år    `|` inside a word slot gives alternatives
 *   [det] arbetet         words in brackets are optional ("ansvaret [för ...] ligger")
 *   redovisas ... till    `...` skips up to eight words
 *   till {body}           `{name}` expands to the phrases of a vocabulary list
 *                         (built in: {year}, {date}, {number}, {period} as in 2022–2026)
 *
 * Matching is case-insensitive and survives OCR damage: every å, ä and ö in a pattern
 * also matches the letters and symbols OCR puts in their place ("uppföljning" matches
 * "uppfoljning" and "Uppfdljning"-free text like "vart fjarde ar").
 *
 * Why no \p{L} and no `i` flag: on text with any character beyond Latin-1 (a dash, a curly
 * quote) V8 compiles an expression for two-byte strings, and each \p{L} class then becomes
 * hundreds of ranges; the rule set's expressions, with ~130 such classes, took 0.2–0.4 s to
 * compile at every start. So letters are the Latin, Greek and Cyrillic blocks (plus combining
 * marks, for decomposed å/ä/ö), and case is folded when a pattern is compiled ("ks" becomes
 * [kK][sS]). Scripts beyond these do not occur in Swedish municipal documents.
 */

import { PatternError, parts, type Vocabulary } from './syntax.js';
import { ALNUM, BEFORE, caseless, compileLiteral } from './literal.js';
import { mayMatch, prefilterFor, registerPrefilter } from './fragments.js';
import { memoPerVocabulary } from './memo.js';
import { noteCompiled, precompiled, type CompiledEntry } from './precompiled.js';

export { PatternError, type Vocabulary };

const AFTER = `(?![${ALNUM}])`;
const GAP = String.raw`(?:\s+[^\s]+){0,8}?`;

/** Lists that are shapes rather than words, so they are written as regular expressions. */
const MONTH = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'].map((m) => [...m].map(caseless).join('')).join('|');
const BUILT_IN: Record<string, string> = {
  year: String.raw`(?:19|20)\d\d`,
  date: String.raw`(?:(?:19|20)\d\d-\d\d?-\d\d?|\d{1,2}\s+(?:${MONTH})\s+(?:19|20)\d\d|(?:${MONTH})\s+(?:19|20)\d\d)`,
  number: String.raw`\d+`,
  period: String.raw`(?:19|20)\d\d\s?[-–—]\s?(?:(?:19|20)\d\d|\d\d)(?![\d-])`,
};

function compileAlternative(alternative: string, vocabulary: Vocabulary, depth: number): string {
  const macro = /^\{([\w-]+)\}$/.exec(alternative);
  if (!macro) return compileLiteral(alternative);
  const name = macro[1]!;
  const phrases = vocabulary[name];
  if (!phrases) {
    if (BUILT_IN[name]) return BUILT_IN[name];
    throw new PatternError(`okänd lista {${name}} / unknown list {${name}}`);
  }
  if (depth > 4) throw new PatternError(`listan {${name}} refererar till sig själv / list refers to itself`);
  return memoPerVocabulary(expansions, vocabulary, `${depth} ${name}`, () => `(?:${phrases.map((p) => compileBody(p, vocabulary, depth + 1)).join('|')})`);
}

/**
 * A list's expansion, per vocabulary and depth: "{body}" (some seventy names, each compiled
 * letter by letter) occurs in many patterns, and was compiled again for each of them, a
 * tenth of a cold start.
 */
const expansions = new WeakMap<Vocabulary, Map<string, string>>();

/** One word slot: alternatives separated by `|`, each a word or a `{list}`. */
function compileSlot(slot: string, vocabulary: Vocabulary, depth: number): string {
  const alternatives = slot.split('|').map((a) => compileAlternative(a, vocabulary, depth));
  return alternatives.length > 1 ? `(?:${alternatives.join('|')})` : alternatives[0]!;
}

/** Slots in sequence; `first` says whether the run starts the pattern (no leading space). */
function compileSlots(slots: readonly string[], vocabulary: Vocabulary, depth: number, first: boolean): string {
  let out = '';
  for (const slot of slots) {
    if (slot === '...') {
      out += GAP;
      continue;
    }
    if (slot.includes('[') || slot.includes(']')) throw new PatternError(`fel placerad [ eller ] i "${slot}" / misplaced [ or ]`);
    out += `${first ? '' : String.raw`\s+`}${compileSlot(slot, vocabulary, depth)}`;
    first = false;
  }
  return out;
}

function compileBody(pattern: string, vocabulary: Vocabulary, depth: number): string {
  const list = parts(pattern);
  if (list.length === 0) throw new PatternError('tomt mönster / empty pattern');
  let out = '';
  let first = true;
  for (const part of list) {
    if ('slot' in part) {
      out += compileSlots([part.slot], vocabulary, depth, first);
      if (part.slot !== '...') first = false;
    } else {
      if (part.optional.every((w) => w === '...')) throw new PatternError(`tom [ ] i "${pattern}" / empty [ ]`);
      // A leading optional group carries the space after it, so a match never starts with one.
      if (first) out += `(?:${compileSlots(part.optional, vocabulary, depth, true)}\\s+)?`;
      else out += `(?:${compileSlots(part.optional, vocabulary, depth, false)})?`;
    }
  }
  return out;
}

/** An expression the build compiled (see precompiled.ts), with its prefilter. */
function fromBuild([source, prefilter]: CompiledEntry): RegExp {
  const re = new RegExp(source, 'gu');
  registerPrefilter(re, prefilter === null ? undefined : new RegExp(prefilter, 'u'));
  return re;
}

/** Compiles one phrase pattern to a global Unicode RegExp (case-insensitive by construction). */
export function compilePattern(pattern: string, vocabulary: Vocabulary = {}): RegExp {
  const built = precompiled('one', [pattern], vocabulary);
  if (built) return fromBuild(built);
  const re = new RegExp(`${BEFORE}(?:${compileBody(pattern, vocabulary, 0)})${AFTER}`, 'gu');
  const prefilter = prefilterFor([pattern], vocabulary);
  registerPrefilter(re, prefilter);
  noteCompiled('one', [pattern], vocabulary, re, prefilter);
  return re;
}

/** Compiles a list of alternatives into one RegExp (cached by the caller). */
export function compilePatterns(patterns: readonly string[], vocabulary: Vocabulary = {}): RegExp {
  const built = precompiled('list', patterns, vocabulary);
  let re: RegExp;
  if (built) re = fromBuild(built);
  else {
    const bodies = patterns.map((p) => `(?:${compileBody(p, vocabulary, 0)})`);
    re = new RegExp(`${BEFORE}(?:${bodies.join('|')})${AFTER}`, 'gu');
    const prefilter = prefilterFor(patterns, vocabulary);
    registerPrefilter(re, prefilter);
    noteCompiled('list', patterns, vocabulary, re, prefilter);
  }
  if (patterns.length > 1) alternativesOf.set(re, { patterns, vocabulary });
  return re;
}

/**
 * The patterns a list was compiled from, each compiled alone on first use (see findFirst).
 * One expression for a list like follow-up's recipients ("till … {body}", "{body} får", …)
 * tries every alternative's backtracking at every position; alone, each has its own prefilter
 * and most are never run.
 */
const alternativesOf = new WeakMap<RegExp, { patterns: readonly string[]; vocabulary: Vocabulary; compiled?: RegExp[] }>();

function alternatives(re: RegExp): RegExp[] | undefined {
  const list = alternativesOf.get(re);
  if (!list) return undefined;
  return (list.compiled ??= list.patterns.map((p) => compilePattern(p, list.vocabulary)));
}

export interface TextMatch {
  index: number;
  end: number;
  text: string;
}

export function findAll(re: RegExp, text: string): TextMatch[] {
  const out: TextMatch[] = [];
  if (!mayMatch(re, text)) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * The leftmost match, and at that position the first alternative that matches: the same
 * as running the list's one expression, found alternative by alternative.
 */
export function findFirst(re: RegExp, text: string): TextMatch | undefined {
  if (!mayMatch(re, text)) return undefined;
  const parts = alternatives(re);
  if (parts) {
    let best: TextMatch | undefined;
    for (const part of parts) {
      const m = findFirst(part, text);
      if (m && (!best || m.index < best.index)) best = m;
      if (best?.index === 0) break;
    }
    return best;
  }
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? { index: m.index, end: m.index + m[0].length, text: m[0] } : undefined;
}

/**
 * Compiled lists by vocabulary (as JSON): the rule loader compiles every list to check it, and
 * the lint's cache for the same vocabulary then finds them compiled.
 */
const compiledByVocabulary = new Map<string, Map<string, RegExp>>();

/** A compile cache: rule files are loaded once, patterns compiled once per process. */
export class PatternCache {
  private readonly cache: Map<string, RegExp>;
  constructor(private readonly vocabulary: Vocabulary) {
    const key = JSON.stringify(vocabulary);
    let cache = compiledByVocabulary.get(key);
    if (!cache) {
      cache = new Map();
      compiledByVocabulary.set(key, cache);
    }
    this.cache = cache;
  }

  get(patterns: readonly string[]): RegExp {
    const key = patterns.join('\u0000');
    let re = this.cache.get(key);
    if (!re) {
      re = compilePatterns(patterns, this.vocabulary);
      this.cache.set(key, re);
    }
    return re;
  }
}
