// Repair candidates for a damaged word: put back the letters OCR typically loses or
// misreads, and keep the variants that the dictionary accepts. Candidates come from the
// dictionary, never from a list of expected answers, so this generalises to unseen texts.
import type { Speller } from '../spelling/hunspell.js';
import { CachePerSpeller, ownCopy } from '../spelling/recentCache.js';

export interface Candidate {
  word: string;
  /** Characters changed; fewer is likelier. */
  edits: number;
}

// Letters OCR commonly produces in place of å/ä/ö and l. Tier 1: the usual confusions.
const TIER1: Readonly<Record<string, readonly string[]>> = {
  a: ['ä', 'å'],
  A: ['Ä', 'Å'],
  o: ['ö'],
  O: ['Ö'],
  é: ['ö', 'ä', 'å'],
  É: ['Ö', 'Ä', 'Å'],
  I: ['l'],
};
// Tier 2: rarer misreadings, tried only when tier 1 finds nothing ("ocksd", "beddms",
// "majligheterna", "internationelit"), because "d" and "a" are everywhere.
const TIER2: Readonly<Record<string, readonly string[]>> = {
  d: ['ö', 'å', 'ä'],
  a: ['ö'],
  i: ['l'],
};
// Symbols and digits standing for letters; these must change.
const SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  '6': ['ö'],
  '¢': ['ö'],
  '&': ['ä', 'å'],
  '|': ['l', 'I'],
  '1': ['l'],
  '0': ['o', 'ö'],
};

interface Slot {
  index: number;
  /** Whether the original character may stay. */
  optional: boolean;
  options: readonly string[];
}

/**
 * Dictionary look-ups left for one document's candidate searches. Shared by every word of
 * a lint run, so a hostile document (base64, a text with its spaces lost) cannot make the
 * search run for minutes; when it is spent, further words get no candidates.
 */
export interface SearchBudget {
  left: number;
}

/** Limits of the candidate search (documented in docs/rules/ocr-artifact.md). */
export const SEARCH_LIMITS = {
  /** Dictionary look-ups per word, for all its variants together. */
  checksPerWord: 1500,
  /** Glyph-merge variants ("Véastra" → "Véstra") tried per word. */
  mergeVariants: 12,
  /** Longer words are not searched at all: no Swedish word OCR damages is this long. */
  maxWordLength: 30,
  /** A document's look-ups: this many, plus `checksPerLetter` per letter of its text. */
  checksPerDocument: 2000,
  checksPerLetter: 1,
} as const;

/** The budget for a document of `letters` letters (an OCR text needs about 0.5 a letter). */
export function documentBudget(letters: number): SearchBudget {
  return { left: SEARCH_LIMITS.checksPerDocument + SEARCH_LIMITS.checksPerLetter * letters };
}

export interface CandidateOptions {
  /** Most optional letter changes to try. Default 4. */
  maxEdits?: number;
  /** Most dictionary look-ups for this word, all variants together. Default SEARCH_LIMITS.checksPerWord. */
  maxChecks?: number;
  /** Only å/ä/ö for a/o/A/O (twins of a real word); no symbols, é, I or tier 2. */
  diacriticsOnly?: boolean;
  /**
   * Also return candidates with up to this many more changes than the fewest found. In a
   * text that lost its å/ä/ö a restored letter costs little, so a common word two changes
   * away ("pagar" → "pågår") can beat a rare one a single change away ("pågar"). Default 0.
   */
  slack?: number;
  /** The document's budget; look-ups are taken from it (not part of the cache key). */
  budget?: SearchBudget | undefined;
}

/**
 * Dictionary-valid repairs with the fewest changes. Returns [] when the word has no
 * OCR-like repair. The word itself is never returned.
 */
export function repairCandidates(word: string, speller: Speller, options: CandidateOptions = {}): Candidate[] {
  if (word.length > SEARCH_LIMITS.maxWordLength) return [];
  const key = `r${options.diacriticsOnly ? 1 : 0}${options.maxEdits ?? ''}:${options.maxChecks ?? ''}:${options.slack ?? 0}:${word}`;
  return cached(speller, key, options.budget, options.maxChecks ?? SEARCH_LIMITS.checksPerWord, (budget) => searchCandidates(word, speller, options, budget));
}

// Per speller and word: a document repeats its damaged words, and an editor re-checks
// the same text on every keystroke. Bounded (least recently used go first): the keys are
// words of documents, and a language server runs for a whole day of editing.
const caches = new CachePerSpeller<Candidate[]>(20_000);

/**
 * Runs `compute` with a per-word budget (capped by what the document has left) and caches
 * the result unless the document's budget cut it short: a later lint with budget to spare
 * must not inherit a truncated answer.
 */
function cached(speller: Speller, key: string, document: SearchBudget | undefined, perWord: number, compute: (budget: SearchBudget) => Candidate[]): Candidate[] {
  const cache = caches.for(speller);
  const hit = cache.get(key);
  if (hit) return hit;
  if (document && document.left <= 0) return [];
  const limit = Math.min(perWord, document?.left ?? Infinity);
  const budget = { left: limit };
  const value = compute(budget);
  if (document) document.left -= limit - budget.left;
  const cutByDocument = budget.left <= 0 && limit < perWord;
  if (!cutByDocument) cache.set(ownCopy(key), value);
  return value;
}

/**
 * A per-word answer derived from candidate searches ("can this be damage?"), kept in `cache`
 * unless the document's budget ran out while it was computed: like the searches themselves,
 * a later lint with budget to spare must not inherit an answer that may have missed one.
 */
export function budgetedAnswer<V>(
  cache: CachePerSpeller<V>,
  word: string,
  speller: Speller,
  budget: SearchBudget | undefined,
  compute: (word: string, speller: Speller, budget: SearchBudget | undefined) => V,
): V {
  const answers = cache.for(speller);
  const known = answers.get(word);
  if (known !== undefined) return known;
  // `compute` takes its arguments rather than closing over them: no closure per word.
  const value = compute(word, speller, budget);
  if (!budget || budget.left > 0) answers.set(ownCopy(word), value);
  return value;
}

function searchCandidates(word: string, speller: Speller, options: CandidateOptions, budget: SearchBudget): Candidate[] {
  const merges = options.diacriticsOnly ? [] : glyphMerges(word);
  // A word with a glyph merge keeps half its budget for the merged variants: the direct
  // search of a long word ("bidragsberéattigade") can spend it all on tier 2.
  const direct = within(budget, merges.length > 0 ? 0.5 : 1, (b) => searchTiers(word, speller, options, b));
  if (direct.length > 0 || merges.length === 0) return direct;
  // OCR sometimes reads one glyph as two: "méal", "Véastra", "Goétalands", "hdéjning"
  // (å, ä, ö). Drop a letter next to an é and try again: breadth first, one merge per
  // level, every variant once, all within the word's budget (a word full of "éa" has
  // exponentially many variants).
  const seen = new Set([word]);
  let level = [word];
  for (let merges = 1; level.length > 0 && budget.left > 0; merges++) {
    const next: string[] = [];
    for (const w of level) {
      for (const v of glyphMerges(w)) {
        if (seen.has(v) || seen.size > SEARCH_LIMITS.mergeVariants) continue;
        seen.add(v);
        next.push(v);
      }
    }
    const found: Candidate[] = [];
    for (const v of next) {
      for (const c of searchTiers(v, speller, options, budget)) {
        if (!found.some((m) => m.word === c.word)) found.push({ word: c.word, edits: c.edits + merges });
      }
    }
    if (found.length > 0) return found;
    level = next;
  }
  return [];
}

/** Runs `search` with at most `share` of what is left, and charges what it used. */
function within<T>(budget: SearchBudget, share: number, search: (b: SearchBudget) => T): T {
  const part = { left: Math.floor(budget.left * share) };
  const start = part.left;
  const result = search(part);
  budget.left -= start - part.left;
  return result;
}

/** Tier 1 changes, then (unless diacritics only) tier 2: the first tier with a repair wins. */
function searchTiers(word: string, speller: Speller, options: CandidateOptions, budget: SearchBudget): Candidate[] {
  const chars = [...word];
  const allCaps = !/\p{Ll}/u.test(word);
  const tiers = options.diacriticsOnly ? [false] : [false, true];
  for (const useTier2 of tiers) {
    const slots = slotsFor(chars, allCaps, useTier2, options.diacriticsOnly ?? false);
    if (slots.length === 0) continue;
    const found = searchByEdits(chars, slots, speller, options.maxEdits ?? 4, budget, options.slack ?? 0);
    if (found.length > 0) return found;
  }
  return [];
}

/** Variants with one letter beside an "é" removed. */
function glyphMerges(word: string): string[] {
  const out = new Set<string>();
  for (const m of word.matchAll(/é/gu)) {
    const i = m.index;
    if (/[aod]/u.test(word[i + 1] ?? '')) out.add(word.slice(0, i + 1) + word.slice(i + 2));
    if (/[aod]/iu.test(word[i - 1] ?? '') && i > 1) out.add(word.slice(0, i - 1) + word.slice(i));
    // "innebé&r": é and & both render the same ä; drop the é.
    if (/[0-9&¢]/u.test(word[i + 1] ?? '') || /[0-9&¢]/u.test(word[i - 1] ?? '')) out.add(word.slice(0, i) + word.slice(i + 1));
  }
  return [...out].filter((v) => v !== word);
}

/** All dictionary-valid å/ä/ö twins of a real word, nearest first ("for" → "för"). */
export function diacriticTwins(word: string, speller: Speller, budget?: SearchBudget): Candidate[] {
  if (word.length > SEARCH_LIMITS.maxWordLength) return [];
  return cached(speller, `t:${word}`, budget, TWIN_CHECKS, (b) => searchTwins(word, speller, b));
}

const TWIN_CHECKS = 2000;

function searchTwins(word: string, speller: Speller, budget: SearchBudget): Candidate[] {
  const chars = [...word];
  const slots = slotsFor(chars, !/\p{Ll}/u.test(word), false, true);
  const twins: Candidate[] = [];
  for (let k = 1; k <= Math.min(3, slots.length); k++) {
    for (const c of enumerate(chars, slots, k, speller, budget)) twins.push(c);
  }
  return twins;
}

function slotsFor(chars: string[], allCaps: boolean, tier2: boolean, diacriticsOnly: boolean): Slot[] {
  const slots: Slot[] = [];
  // A symbol counts as a letter stand-in if letters follow it ("16sa", "6ver") or it sits
  // between letters ("Lidk6pings"); trailing digits are footnote markers, not damage.
  let lastLetter = -1;
  chars.forEach((ch, i) => {
    if (/\p{L}/u.test(ch)) lastLetter = i;
  });
  chars.forEach((ch, index) => {
    if (diacriticsOnly) {
      if ('aAoO'.includes(ch)) slots.push({ index, optional: true, options: TIER1[ch]! });
      return;
    }
    const symbol = SYMBOLS[ch];
    if (symbol && index < lastLetter) {
      const options = allCaps ? symbol.map((s) => s.toUpperCase()) : symbol;
      slots.push({ index, optional: false, options });
      return;
    }
    // Capital I stands for l before a lower-case letter or a stand-in ("Iang", "I6pande"),
    // not in capitals ("EU-ICLD").
    if (ch === 'I' && !/[\p{Ll}0-9&¢|]/u.test(chars[index + 1] ?? '')) return;
    const options = [...(TIER1[ch] ?? []), ...(tier2 ? (TIER2[ch] ?? []) : [])];
    if (options.length > 0) slots.push({ index, optional: true, options });
  });
  return slots;
}

function searchByEdits(chars: string[], slots: Slot[], speller: Speller, maxEdits: number, budget: SearchBudget, slack: number): Candidate[] {
  const optionalCount = slots.filter((s) => s.optional).length;
  const last = Math.min(maxEdits, optionalCount);
  for (let k = 0; k <= last; k++) {
    const found = enumerate(chars, slots, k, speller, budget);
    if (budget.left <= 0) return found;
    if (found.length > 0) {
      for (let more = k + 1; more <= Math.min(last, k + slack) && budget.left > 0; more++) found.push(...enumerate(chars, slots, more, speller, budget));
      return found;
    }
  }
  return [];
}

/**
 * Every variant with exactly `k` optional changes (forced symbol changes always made), in
 * depth-first order: keep a letter before changing it, options in order. Iterative, so a
 * word's length never becomes stack depth.
 */
function enumerate(chars: string[], slots: Slot[], k: number, speller: Speller, budget: SearchBudget): Candidate[] {
  const found: Candidate[] = [];
  const seen = new Set<string>();
  const work = [...chars];
  const forced = slots.filter((s) => !s.optional).length;
  const n = slots.length;
  // choice[i]: NONE before slot i is entered, -1 the letter kept, else the option taken.
  const NONE = -2;
  const choice = new Int32Array(n).fill(NONE);
  let remaining = k;
  let i = 0;
  while (i >= 0 && budget.left > 0) {
    if (i === n) {
      if (remaining === 0) {
        const word = work.join('');
        if (!seen.has(word)) {
          seen.add(word);
          budget.left--;
          if (speller.correct(word)) found.push({ word, edits: k + forced });
        }
      }
      i--;
      continue;
    }
    const slot = slots[i]!;
    let c = choice[i]!;
    if (c === NONE) {
      // Prune: not enough slots left to spend the remaining edits.
      if (remaining > n - i) {
        i--;
        continue;
      }
      c = slot.optional ? -1 : 0;
    } else {
      if (c >= 0) {
        work[slot.index] = chars[slot.index]!;
        if (slot.optional) remaining++;
      }
      c++;
    }
    if (c >= 0 && slot.optional && remaining === 0) c = slot.options.length;
    if (c >= slot.options.length) {
      choice[i] = NONE;
      i--;
      continue;
    }
    choice[i] = c;
    if (c >= 0) {
      work[slot.index] = slot.options[c]!;
      if (slot.optional) remaining--;
    }
    i++;
  }
  return found;
}
