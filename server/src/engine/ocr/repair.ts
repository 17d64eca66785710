// Decide, for one token in its context, whether it is OCR damage and how to repair it.
// A repair with one confident candidate is safe to apply automatically (`replacement`);
// otherwise the candidates are only offered (`suggestions`).
import type { Speller } from '../spelling/hunspell.js';
import { CachePerSpeller, ownCopy } from '../spelling/recentCache.js';
import { budgetedAnswer, repairCandidates, diacriticTwins, type Candidate, type SearchBudget } from './candidates.js';
import { hasCapitalIForL, hasOcrAccent, hasOcrSymbol } from './detect.js';
import { expectsInfinitive, isCommonInfinitive, isDistributiveVart, isInterrogativeVart, prefersYear, wordFrequency } from './frequency.js';
import { digraphCandidates, hasDigraph } from './digraphs.js';
import { isEnglishWord } from './language.js';

export interface RepairContext {
  /** The passage has lost most of its å/ä/ö (see diacriticLoss.ts). */
  poor: boolean;
  previousWord?: string | undefined;
  nextWord?: string | undefined;
  /** The word begins a sentence or a block ("6ver" there is "Över"). */
  sentenceStart?: boolean;
  /**
   * The paragraph itself shows lost å/ä/ö (several non-words that are words with them),
   * not only the document: only then are short function words ("for", "an", "vart") repaired.
   */
  damagedParagraph?: boolean;
  /** The passage is English ("funded for two years"): nothing but visible OCR marks is repaired. */
  english?: boolean;
  /** The document's search budget (see candidates.ts); not part of the decision. */
  budget?: SearchBudget | undefined;
}

export type RepairKind =
  | 'symbol' // digits/symbols inside a word: "6ver", "&r"
  | 'accent' // é or I for ö/ä/å or l: "méal", "Iang"
  | 'diacritic-loss' // not a word, but is one with å/ä/ö, in a text that lost them: "fran"
  | 'real-word' // a real word far likelier with å/ä/ö in such a text: "for" → "för"
  | 'digraph' // typed without å/ä/ö: "aa" for å, "ae" for ä, "oe" for ö: "paa" → "på"
  | 'unreadable' // a stretch of font-encoding garbage or encoded data, reported once
  // PDF extraction (pdfDamage.ts):
  | 'ligature' // "ﬁnansiering" → "finansiering"
  | 'soft-hyphen' // an invisible U+00AD inside a word
  | 'hyphenation' // "kommun-\nfullmäktige", "kommunfull-mäktiges" → "kommunfullmäktige(s)"
  | 'lost-hyphen' // "EUprojekt" → "EU-projekt"
  | 'doubled-letter' // "organisationn" → "organisation", "tilllämpning" → "tillämpning"
  | 'letter-spaced' // "m å l  o c h  a m b i t i o n e r" → "mål och ambitioner"
  | 'page-furniture'; // "Sidan 4 av 7", a running header: replacement "" removes it

export interface Repair {
  kind: RepairKind;
  /** Present only when exactly one repair is confident; "" removes the text (page furniture). */
  replacement?: string;
  /** Best first; includes `replacement`. May be empty (damage seen, no repair found). */
  suggestions: string[];
}

const PDF_KINDS: ReadonlySet<RepairKind> = new Set(['ligature', 'soft-hyphen', 'hyphenation', 'lost-hyphen', 'doubled-letter', 'letter-spaced']);

/**
 * The ocr-artifact message for a repair (rules/ocr-artifact.yml): its own wording for page
 * furniture, unreadable text and PDF-extraction damage, which are not OCR misreadings.
 */
export function messageKeyFor(repair: Repair): string {
  if (repair.kind === 'unreadable') return 'unreadable';
  if (repair.kind === 'page-furniture') return 'furniture';
  const pdf = PDF_KINDS.has(repair.kind) ? 'pdf-' : '';
  return repair.replacement !== undefined ? `${pdf}repair` : repair.suggestions.length > 0 ? `${pdf}suggest` : 'damaged';
}

// Words this short are function words whose twins are common too.
const SHORT_WORD = 4;
// A twin must be this many times more frequent than the word it replaces.
const REAL_WORD_FACTOR = 3;
// The best of several candidates is confident when it is this many times likelier.
const CONFIDENT_FACTOR = 4;

/**
 * `undefined`: not OCR damage (the token is correct, or an ordinary misspelling left to
 * the spelling rule). `word` is the token as written, without a footnote marker.
 */
export function repairWord(word: string, speller: Speller, ctx: RepairContext): Repair | undefined {
  if (cannotBeDamage(word, speller, ctx.poor, ctx.budget)) return undefined;
  // Per-word cache: the context enters only through these facts.
  const key =
    `${ctx.poor ? 1 : 0}${ctx.damagedParagraph ? 1 : 0}${ctx.english ? 1 : 0}` +
    `${isEnglishWord(ctx.previousWord) || isEnglishWord(ctx.nextWord) ? 1 : 0}${isInterrogativeVart(ctx.nextWord) ? 1 : 0}` +
    `${prefersYear(ctx.previousWord, ctx.nextWord) ? 1 : 0}${isDistributiveVart(ctx.nextWord) ? 1 : 0}` +
    `${expectsInfinitive(ctx.previousWord) ? 1 : 0}${ctx.sentenceStart ? 1 : 0}` +
    `${/^\p{Ll}/u.test(ctx.previousWord ?? '') ? 1 : 0}${/^\p{Ll}/u.test(ctx.nextWord ?? '') ? 1 : 0}${word}`;
  const cache = memo.for(speller);
  if (cache.has(key)) return cache.get(key);
  const repair = computeRepair(word, speller, ctx);
  // A decision taken after the document's budget ran out may lack candidates: not kept.
  if (!ctx.budget || ctx.budget.left > 0) cache.set(ownCopy(key), repair);
  return repair;
}

// Bounded like the candidate cache (see candidates.ts).
const memo = new CachePerSpeller<Repair | undefined>(20_000);

// Characters without which a word shows no visible OCR damage: no lone symbol, no
// hasOcrSymbol, no hasOcrAccent, no hasCapitalIForL (see detect.ts).
const OCR_MARK = /[0-9&¢|éÉI]/u;

/**
 * True when repairWord is `undefined` whatever the context, decided without building it.
 * Exactly the shortcuts computeRepair takes for a word with no visible damage:
 *  - outside a poor passage, such a word is left to the spelling rule;
 *  - in a poor passage, a real word with no å/ä/ö twin, or a non-word with no repair
 *    candidate, is not OCR damage either (both look-ups are cached per word).
 */
export function cannotBeDamage(word: string, speller: Speller, poor: boolean, budget?: SearchBudget): boolean {
  if (OCR_MARK.test(word)) return false;
  if (!poor) return true;
  // Asked for every word of a poor paragraph each time it is scanned (an editor: at each
  // keystroke in it); the searches below are cached too, but behind keys built per call.
  return budgetedAnswer(cannot, word, speller, budget, hasNoRepair);
}

/** In a poor passage: a real word with no å/ä/ö twin, or a non-word with no repair candidate. */
function hasNoRepair(word: string, speller: Speller, budget: SearchBudget | undefined): boolean {
  if (speller.correct(word)) return diacriticTwins(word, speller, budget).length === 0;
  return repairCandidates(word, speller, { ...POOR_CANDIDATES, budget }).length === 0 && (!hasDigraph(word) || digraphCandidates(word, speller, budget).length === 0);
}

// Bounded like the candidate cache (see candidates.ts).
const cannot = new CachePerSpeller<boolean>(20_000);

const POOR_CANDIDATES = { slack: 1 } as const;

function computeRepair(word: string, speller: Speller, ctx: RepairContext): Repair | undefined {
  const lone = repairLoneSymbol(word, ctx);
  if (lone !== null) return lone;
  const symbol = hasOcrSymbol(word);
  const accent = !symbol && (hasOcrAccent(word) || hasCapitalIForL(word));
  // English prose has no å/ä/ö to lose: only visible OCR marks are damage there.
  if (ctx.english && !symbol && !accent) return undefined;
  if (!symbol && speller.correct(word)) return ctx.poor ? repairRealWord(word, speller, ctx) : undefined;
  // "paa", "aarlig", "foer": the digraph reading comes first; it removes a letter, which
  // no one-letter repair can ("paa" is "på", not the dictionary's rare "påa").
  if (!symbol && !accent && hasDigraph(word)) {
    const digraphs = digraphCandidates(word, speller, ctx.budget);
    if (digraphs.length > 0) {
      const repair = decide('digraph', digraphs, ctx);
      return ctx.poor ? repair : { kind: 'digraph', suggestions: repair.suggestions };
    }
  }
  // Outside a diacritic-poor passage, a plain misspelling ("forutsattning") is the
  // spelling rule's business; only visible OCR damage is reported here.
  if (!symbol && !accent && !ctx.poor) return undefined;
  const kind: RepairKind = symbol ? 'symbol' : accent ? 'accent' : 'diacritic-loss';
  // In a diacritic-poor passage, look one change further: a common word may be there.
  const candidates = repairCandidates(word, speller, ctx.poor ? { ...POOR_CANDIDATES, budget: ctx.budget } : { budget: ctx.budget });
  if (candidates.length === 0) return symbol ? { kind, suggestions: [] } : undefined;
  return capitalise(word, decide(kind, candidates, ctx), ctx);
}

/** "6ver" at the start of a sentence stood for "Över": a symbol carries no case. */
function capitalise(word: string, repair: Repair, ctx: RepairContext): Repair {
  if (!ctx.sentenceStart || !/^[0-9&¢|]/u.test(word)) return repair;
  const upper = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return { ...repair, ...(repair.replacement ? { replacement: upper(repair.replacement) } : {}), suggestions: repair.suggestions.map(upper) };
}

/** "|" for "I" ("| och med detta"); "&" for "är" in a diacritic-poor passage. */
function repairLoneSymbol(word: string, ctx: RepairContext): Repair | undefined | null {
  const lowerNext = !!ctx.nextWord && /^\p{Ll}/u.test(ctx.nextWord);
  if (word === '|') return lowerNext ? { kind: 'symbol', replacement: 'I', suggestions: ['I'] } : undefined;
  if (word === '&') {
    // "Ernst & Young" is legitimate; "presidium & kommunens" in an OCR text is "är".
    const lowerPrev = !!ctx.previousWord && /^\p{Ll}/u.test(ctx.previousWord);
    if (!ctx.poor || !lowerNext || !lowerPrev) return undefined;
    return { kind: 'symbol', suggestions: ['är', 'och'] };
  }
  return null;
}

function repairRealWord(word: string, speller: Speller, ctx: RepairContext): Repair | undefined {
  const own = wordFrequency(word);
  if (/^vart$/iu.test(word) && (isDistributiveVart(ctx.nextWord) || isInterrogativeVart(ctx.nextWord))) return undefined;
  // Short function words have twins in every sentence ("for"/"för", "an"/"än"): changed
  // only where the paragraph itself is damaged Swedish, and never beside an English word.
  if (word.length <= SHORT_WORD && !ctx.damagedParagraph) return undefined;
  if (isEnglishWord(ctx.previousWord) || isEnglishWord(ctx.nextWord)) return undefined;
  // Twins differ in how many letters they change; what matters here is how likely each is.
  const twins = diacriticTwins(word, speller, ctx.budget).map((c) => ({ ...c, edits: 1 }));
  const best = rank(twins, ctx)[0];
  if (!best) return undefined;
  const bestFrequency = contextualFrequency(best.word, ctx);
  // Unknown words (frequency 0) are never replaced by unknown twins: no evidence either way.
  if (bestFrequency === 0 || bestFrequency < REAL_WORD_FACTOR * Math.max(own, 1)) return undefined;
  const repair = decide('real-word', twins, ctx);
  return repair.replacement ? repair : undefined;
}

// In a diacritic-poor passage, each change beyond the fewest costs this factor of likelihood:
// losing å/ä/ö is the rule there, so a common word one change further away can win.
const POOR_EXTRA_EDIT = 0.1;
// Likelihood given to a word that the frequency tables do not know.
const UNKNOWN_FREQUENCY = 1;

function decide(kind: RepairKind, candidates: Candidate[], ctx: RepairContext): Repair {
  if (ctx.poor && candidates.length > 1) return decideByScore(kind, candidates, ctx);
  const ranked = rank(candidates, ctx);
  const suggestions = ranked.map((c) => c.word);
  if (ranked.length === 1) return { kind, replacement: ranked[0]!.word, suggestions };
  const first = contextualFrequency(ranked[0]!.word, ctx);
  const second = contextualFrequency(ranked[1]!.word, ctx);
  const confident = ranked[0]!.edits < ranked[1]!.edits || (first > 0 && first >= CONFIDENT_FACTOR * second);
  return confident ? { kind, replacement: ranked[0]!.word, suggestions } : { kind, suggestions };
}

/** Frequency times a small penalty per extra change: likeliest first. */
function decideByScore(kind: RepairKind, candidates: Candidate[], ctx: RepairContext): Repair {
  const fewest = Math.min(...candidates.map((c) => c.edits));
  const score = (c: Candidate) => Math.max(contextualFrequency(c.word, ctx), UNKNOWN_FREQUENCY) * POOR_EXTRA_EDIT ** (c.edits - fewest);
  const ranked = [...candidates].sort((a, b) => score(b) - score(a) || a.edits - b.edits);
  const suggestions = ranked.map((c) => c.word);
  const first = score(ranked[0]!),
    second = score(ranked[1]!);
  return first >= CONFIDENT_FACTOR * second ? { kind, replacement: ranked[0]!.word, suggestions } : { kind, suggestions };
}

/** Fewest edits first, then likelier words. */
function rank(candidates: Candidate[], ctx: RepairContext): Candidate[] {
  return [...candidates].sort((a, b) => a.edits - b.edits || contextualFrequency(b.word, ctx) - contextualFrequency(a.word, ctx));
}

/** Word frequency, with "år" made likelier than "är" after "per", "varje", a number … */
function contextualFrequency(word: string, ctx: RepairContext): number {
  const f = wordFrequency(word);
  if (/^år$/iu.test(word) && prefersYear(ctx.previousWord, ctx.nextWord)) return f * 100;
  // "att stärka", "ska nå": after an infinitive marker a verb is far likelier.
  if (isCommonInfinitive(word) && expectsInfinitive(ctx.previousWord)) return f * 10;
  return f;
}
