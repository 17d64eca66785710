// A prefilter for compiled phrase patterns. Most texts a pattern is tried on do not match
// it, and a pattern with a long alternation ("{body}": some seventy names, half of them
// "*nämnd"-style suffixes that backtrack through every word) costs a full run to say so.
// Every match contains, in each required word slot, a stretch of literal letters of one of
// the slot's alternatives ("nämnd" in "*nämnd", "KF" at a word start): the prefilter is the
// alternation of those stretches, compiled exactly as the pattern compiles them, so where it
// finds nothing the pattern cannot match. It is one cheap scan with no backtracking.
import { parts, type Vocabulary } from './syntax.js';
import { BEFORE, compileLiteral } from './literal.js';

/** A literal stretch of a pattern word; `wordStart`: the pattern puts it at the start of a word. */
interface Stretch {
  text: string;
  wordStart: boolean;
}

/** A stretch shorter than this (a word start counting as one letter) says too little to be worth a test. */
const MIN_SCORE = 3;

const score = (s: Stretch): number => [...s.text].length + (s.wordStart ? 1 : 0);

/** The most telling stretch of one pattern word (between its `*`s). */
function wordStretch(word: string, atWordStart: boolean): Stretch | undefined {
  let best: Stretch | undefined;
  word.split('*').forEach((text, i) => {
    if (!text) return;
    const stretch = { text, wordStart: atWordStart && i === 0 };
    if (!best || score(stretch) > score(best)) best = stretch;
  });
  return best && score(best) >= MIN_SCORE ? best : undefined;
}

/** Stretches of one slot: every alternative must have one. */
function slotStretches(slot: string, vocabulary: Vocabulary, depth: number, atWordStart: boolean): Stretch[] | undefined {
  const out: Stretch[] = [];
  for (const alternative of slot.split('|')) {
    const macro = /^\{([\w-]+)\}$/.exec(alternative);
    if (macro) {
      const phrases = vocabulary[macro[1]!];
      // Built-in lists ({year}, {date} …) are shapes, not letters.
      if (!phrases || phrases.length === 0 || depth > 4) return undefined;
      for (const phrase of phrases) {
        const inner = phraseStretches(phrase, vocabulary, depth + 1, atWordStart);
        if (!inner) return undefined;
        out.push(...inner);
      }
    } else {
      const stretch = wordStretch(alternative, atWordStart);
      if (!stretch) return undefined;
      out.push(stretch);
    }
  }
  return out;
}

/**
 * Stretches of one phrase: those of its most telling required slot. A slot starts a word
 * (the compiler puts `\s+` before it, or it starts the match, after the lookbehind) unless a
 * leading `...` comes before it, which may end inside a word.
 */
function phraseStretches(pattern: string, vocabulary: Vocabulary, depth: number, atWordStart: boolean): Stretch[] | undefined {
  let best: Stretch[] | undefined;
  let bestScore = 0;
  let first = true;
  let afterLeadingGap = false;
  for (const part of parts(pattern)) {
    if (!('slot' in part)) continue;
    if (part.slot === '...') {
      if (first) afterLeadingGap = true;
      continue;
    }
    const found = slotStretches(part.slot, vocabulary, depth, first ? atWordStart && !afterLeadingGap : true);
    first = false;
    if (!found) continue;
    const worst = Math.min(...found.map(score));
    if (worst > bestScore) {
      best = found;
      bestScore = worst;
    }
  }
  return best;
}

/** Whether every text holding `b` holds `a` too (then `b` need not be tested). */
function implies(b: Stretch, a: Stretch): boolean {
  if (a.wordStart) return b.wordStart && b.text.startsWith(a.text);
  return b.text.includes(a.text);
}

/**
 * The prefilter of a list of alternative patterns: an expression every text they match
 * matches too. Undefined when some alternative has no stretch (a built-in list, a short word).
 */
export function prefilterFor(patterns: readonly string[], vocabulary: Vocabulary): RegExp | undefined {
  const all: Stretch[] = [];
  try {
    for (const pattern of patterns) {
      const found = phraseStretches(pattern, vocabulary, 0, true);
      if (!found) return undefined;
      all.push(...found);
    }
  } catch {
    return undefined;
  }
  const kept = all.filter((s, i) => !all.some((t, j) => (t.text === s.text && t.wordStart === s.wordStart ? j < i : implies(s, t))));
  if (kept.length === 0) return undefined;
  return new RegExp(kept.map((s) => (s.wordStart ? BEFORE : '') + compileLiteral(s.text)).join('|'), 'u');
}

const prefilters = new WeakMap<RegExp, RegExp>();

/** Records the prefilter of a compiled pattern (see compilePatterns). */
export function registerPrefilter(re: RegExp, prefilter: RegExp | undefined): void {
  if (prefilter) prefilters.set(re, prefilter);
}

/** False when `re` certainly does not match `text`; true when it may. */
export function mayMatch(re: RegExp, text: string): boolean {
  return prefilters.get(re)?.test(text) ?? true;
}
