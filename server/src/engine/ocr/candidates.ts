// Repair candidates for a damaged word: put back the letters OCR typically loses or
// misreads, and keep the variants that the dictionary accepts. Candidates come from the
// dictionary, never from a list of expected answers, so this generalises to unseen texts.
import type { Speller } from '../spelling/hunspell.js';

export interface Candidate {
  word: string;
  /** Characters changed; fewer is likelier. */
  edits: number;
}

// Letters OCR commonly produces in place of å/ä/ö and l. Tier 1: the usual confusions.
const TIER1: Readonly<Record<string, readonly string[]>> = {
  a: ['ä', 'å'], A: ['Ä', 'Å'], o: ['ö'], O: ['Ö'],
  é: ['ö', 'ä', 'å'], É: ['Ö', 'Ä', 'Å'],
  I: ['l'],
};
// Tier 2: rarer misreadings, tried only when tier 1 finds nothing ("ocksd", "beddms",
// "majligheterna", "internationelit"), because "d" and "a" are everywhere.
const TIER2: Readonly<Record<string, readonly string[]>> = {
  d: ['ö', 'å', 'ä'], a: ['ö'], i: ['l'],
};
// Symbols and digits standing for letters; these must change.
const SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  '6': ['ö'], '¢': ['ö'], '&': ['ä', 'å'], '|': ['l', 'I'], '1': ['l'], '0': ['o', 'ö'],
};

interface Slot {
  index: number;
  /** Whether the original character may stay. */
  optional: boolean;
  options: readonly string[];
}

export interface CandidateOptions {
  /** Most optional letter changes to try. Default 4. */
  maxEdits?: number;
  /** Most dictionary look-ups per word. Default 3000 (~30 ms cold, then cached). */
  maxChecks?: number;
  /** Only å/ä/ö for a/o/A/O (twins of a real word); no symbols, é, I or tier 2. */
  diacriticsOnly?: boolean;
  /**
   * Also return candidates with up to this many more changes than the fewest found. In a
   * text that lost its å/ä/ö a restored letter costs little, so a common word two changes
   * away ("pagar" → "pågår") can beat a rare one a single change away ("pågar"). Default 0.
   */
  slack?: number;
}

/**
 * Dictionary-valid repairs with the fewest changes. Returns [] when the word has no
 * OCR-like repair. The word itself is never returned.
 */
export function repairCandidates(word: string, speller: Speller, options: CandidateOptions = {}): Candidate[] {
  return cached(speller, `r${options.diacriticsOnly ? 1 : 0}${options.maxEdits ?? ''}:${options.maxChecks ?? ''}:${options.slack ?? 0}:${word}`, () =>
    searchCandidates(word, speller, options),
  );
}

// Per speller and word: a document repeats its damaged words, and an editor re-checks
// the same text on every keystroke.
const caches = new WeakMap<Speller, Map<string, Candidate[]>>();
function cached(speller: Speller, key: string, compute: () => Candidate[]): Candidate[] {
  let cache = caches.get(speller);
  if (!cache) caches.set(speller, (cache = new Map()));
  let value = cache.get(key);
  if (!value) cache.set(key, (value = compute()));
  return value;
}

function searchCandidates(word: string, speller: Speller, options: CandidateOptions): Candidate[] {
  const chars = [...word];
  const allCaps = !/\p{Ll}/u.test(word);
  const tiers = options.diacriticsOnly ? [false] : [false, true];
  for (const useTier2 of tiers) {
    const slots = slotsFor(chars, allCaps, useTier2, options.diacriticsOnly ?? false);
    if (slots.length === 0) continue;
    const found = searchByEdits(chars, slots, speller, options.maxEdits ?? 4, options.maxChecks ?? 3000, options.slack ?? 0);
    if (found.length > 0) return found;
  }
  if (options.diacriticsOnly) return [];
  // OCR sometimes reads one glyph as two: "méal", "Véastra", "Goétalands", "hdéjning"
  // (å, ä, ö). Drop the letter next to é and try again.
  const merged: Candidate[] = [];
  for (const variant of glyphMerges(word)) {
    for (const c of searchCandidates(variant, speller, { ...options, diacriticsOnly: false })) {
      if (!merged.some((m) => m.word === c.word)) merged.push({ word: c.word, edits: c.edits + 1 });
    }
  }
  return merged;
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
  // Recursion ends: every variant has fewer letters next to an é.
  return [...out].filter((v) => v !== word);
}

/** All dictionary-valid å/ä/ö twins of a real word, nearest first ("for" → "för"). */
export function diacriticTwins(word: string, speller: Speller): Candidate[] {
  return cached(speller, `t:${word}`, () => searchTwins(word, speller));
}

function searchTwins(word: string, speller: Speller): Candidate[] {
  const chars = [...word];
  const slots = slotsFor(chars, !/\p{Ll}/u.test(word), false, true);
  const twins: Candidate[] = [];
  for (let k = 1; k <= Math.min(3, slots.length); k++) {
    for (const c of enumerate(chars, slots, k, speller, { left: 2000 })) twins.push(c);
  }
  return twins;
}

function slotsFor(chars: string[], allCaps: boolean, tier2: boolean, diacriticsOnly: boolean): Slot[] {
  const slots: Slot[] = [];
  // A symbol counts as a letter stand-in if letters follow it ("16sa", "6ver") or it sits
  // between letters ("Lidk6pings"); trailing digits are footnote markers, not damage.
  let lastLetter = -1;
  chars.forEach((ch, i) => { if (/\p{L}/u.test(ch)) lastLetter = i; });
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
    const options = [...(TIER1[ch] ?? []), ...(tier2 ? TIER2[ch] ?? [] : [])];
    if (options.length > 0) slots.push({ index, optional: true, options });
  });
  return slots;
}

function searchByEdits(chars: string[], slots: Slot[], speller: Speller, maxEdits: number, maxChecks: number, slack: number): Candidate[] {
  const optionalCount = slots.filter((s) => s.optional).length;
  const budget = { left: maxChecks };
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

/** Every variant with exactly `k` optional changes (forced symbol changes always made). */
function enumerate(chars: string[], slots: Slot[], k: number, speller: Speller, budget: { left: number }): Candidate[] {
  const found: Candidate[] = [];
  const seen = new Set<string>();
  const work = [...chars];
  const forced = slots.filter((s) => !s.optional).length;
  const walk = (i: number, remaining: number): void => {
    if (budget.left <= 0) return;
    if (i === slots.length) {
      if (remaining !== 0) return;
      const word = work.join('');
      if (seen.has(word)) return;
      seen.add(word);
      budget.left--;
      if (speller.correct(word)) found.push({ word, edits: k + forced });
      return;
    }
    const slot = slots[i]!;
    // Prune: not enough optional slots left to spend the remaining edits.
    if (remaining > slots.length - i) return;
    if (slot.optional) walk(i + 1, remaining);
    if (!slot.optional || remaining > 0) {
      for (const option of slot.options) {
        work[slot.index] = option;
        walk(i + 1, slot.optional ? remaining - 1 : remaining);
      }
      work[slot.index] = chars[slot.index]!;
    }
  };
  walk(0, k);
  return found;
}
