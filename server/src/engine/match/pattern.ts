/**
 * Phrase patterns: the small matching language rule files are written in.
 *
 *   ansvarar för          words separated by any white space
 *   uppfölj*              `*` is any continuation of the word (Swedish inflection)
 *   vart|var fjärde år    `|` inside a word slot gives alternatives
 *   [det] arbetet         a word slot in brackets is optional
 *   redovisas ... till    `...` skips up to eight words
 *   till {body}           `{name}` expands to the phrases of a vocabulary list
 *
 * Matching is case-insensitive and survives OCR damage: every å, ä and ö in a pattern
 * also matches the letters and symbols OCR puts in their place ("uppföljning" matches
 * "uppfoljning" and "Uppfdljning"-free text like "vart fjarde ar").
 */

export type Vocabulary = Readonly<Record<string, readonly string[]>>;

const WORD_CHAR = String.raw`[\p{L}\p{N}&|¢]`;
const BEFORE = String.raw`(?<![\p{L}\p{N}&])`;
const AFTER = String.raw`(?![\p{L}\p{N}])`;
const GAP = String.raw`(?:\s+[^\s]+){0,8}?`;

/** What OCR turns each Swedish letter into, besides the letter itself. */
const OCR_CLASSES: Record<string, string> = {
  å: 'åaä&é',
  ä: 'äaå&é',
  ö: 'öo6é¢ø',
  é: 'ée',
};

export class PatternError extends Error {}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

function compileLiteral(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === '*') out += `${WORD_CHAR}*`;
    else {
      const cls = OCR_CLASSES[ch.toLowerCase()];
      out += cls ? `[${cls}]` : escapeChar(ch);
    }
  }
  return out;
}

/** Lists that are shapes rather than words, so they are written as regular expressions. */
const MONTH = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december';
const BUILT_IN: Record<string, string> = {
  year: String.raw`(?:19|20)\d\d`,
  date: String.raw`(?:(?:19|20)\d\d-\d\d?-\d\d?|\d{1,2}\s+(?:${MONTH})\s+(?:19|20)\d\d|(?:${MONTH})\s+(?:19|20)\d\d)`,
  number: String.raw`\d+`,
};

function compileAlternative(alternative: string, vocabulary: Vocabulary, depth: number): string {
  const macro = /^\{([\w-]+)\}$/.exec(alternative);
  if (!macro) return compileLiteral(alternative);
  const name = macro[1]!;
  const phrases = vocabulary[name];
  if (!phrases) {
    if (BUILT_IN[name]) return BUILT_IN[name]!;
    throw new PatternError(`okänd lista {${name}} / unknown list {${name}}`);
  }
  if (depth > 4) throw new PatternError(`listan {${name}} refererar till sig själv / list refers to itself`);
  return `(?:${phrases.map((p) => compileBody(p, vocabulary, depth + 1)).join('|')})`;
}

/** One word slot: alternatives separated by `|`, each a word or a `{list}`. */
function compileSlot(slot: string, vocabulary: Vocabulary, depth: number): string {
  const alternatives = slot.split('|').map((a) => compileAlternative(a, vocabulary, depth));
  return alternatives.length > 1 ? `(?:${alternatives.join('|')})` : alternatives[0]!;
}

function compileBody(pattern: string, vocabulary: Vocabulary, depth: number): string {
  const slots = pattern.trim().split(/\s+/).filter(Boolean);
  if (slots.length === 0) throw new PatternError('tomt mönster / empty pattern');
  let out = '';
  let first = true;
  for (const slot of slots) {
    if (slot === '...') {
      out += GAP;
      continue;
    }
    const optional = /^\[(.+)\]$/.exec(slot);
    const body = compileSlot(optional ? optional[1]! : slot, vocabulary, depth);
    const sep = first ? '' : String.raw`\s+`;
    out += optional ? `(?:${sep}${body})?` : `${sep}${body}`;
    first = false;
  }
  return out;
}

/** Compiles one phrase pattern to a global, case-insensitive Unicode RegExp. */
export function compilePattern(pattern: string, vocabulary: Vocabulary = {}): RegExp {
  return new RegExp(`${BEFORE}(?:${compileBody(pattern, vocabulary, 0)})${AFTER}`, 'giu');
}

/** Compiles a list of alternatives into one RegExp (cached by the caller). */
export function compilePatterns(patterns: readonly string[], vocabulary: Vocabulary = {}): RegExp {
  const bodies = patterns.map((p) => `(?:${compileBody(p, vocabulary, 0)})`);
  return new RegExp(`${BEFORE}(?:${bodies.join('|')})${AFTER}`, 'giu');
}

export interface TextMatch {
  index: number;
  end: number;
  text: string;
}

export function findAll(re: RegExp, text: string): TextMatch[] {
  const out: TextMatch[] = [];
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

export function findFirst(re: RegExp, text: string): TextMatch | undefined {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? { index: m.index, end: m.index + m[0].length, text: m[0] } : undefined;
}

/** A compile cache: rule files are loaded once, patterns compiled once per process. */
export class PatternCache {
  private readonly cache = new Map<string, RegExp>();
  constructor(private readonly vocabulary: Vocabulary) {}

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
