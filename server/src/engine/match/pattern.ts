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

export type Vocabulary = Readonly<Record<string, readonly string[]>>;

/** Letters and digits of the European scripts, as a character class body. */
const ALNUM = String.raw`0-9A-Za-z\u00AA\u00B2\u00B3\u00B5\u00B9\u00BA\u00BC-\u00BE\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0300-\u036F\u0370-\u03FF\u0400-\u052F\u1E00-\u1EFF`;
const WORD_CHAR = `[${ALNUM}&|¢]`;
const BEFORE = `(?<![${ALNUM}&])`;
const AFTER = `(?![${ALNUM}])`;
const GAP = String.raw`(?:\s+[^\s]+){0,8}?`;

/** What OCR turns each Swedish letter into, besides the letter itself. */
const OCR_CLASSES: Record<string, string> = {
  å: 'åaä&é',
  ä: 'äaå&é',
  ö: 'öo6é¢ø',
  é: 'ée',
};

export class PatternError extends Error {}

/** Escapes a regular-expression syntax character. Only those: with the `u` flag an escaped
 *  non-syntax character such as `-` is itself a syntax error ("e-tjänst" crashed the loader). */
function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** Both cases of a letter, when it has two that are single characters ("ß" has not). */
function bothCases(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return lower === upper ? ch : lower;
  return lower + upper;
}

/** A literal character, in either case. */
function caseless(ch: string): string {
  const cases = bothCases(ch);
  return cases.length > 1 ? `[${cases}]` : escapeChar(ch);
}

function compileLiteral(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === '*') out += `${WORD_CHAR}*`;
    else {
      const cls = OCR_CLASSES[ch.toLowerCase()];
      out += cls ? `[${[...new Set([...cls].map(bothCases).join(''))].join('')}]` : caseless(ch);
    }
  }
  return out;
}

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
  return `(?:${phrases.map((p) => compileBody(p, vocabulary, depth + 1)).join('|')})`;
}

/** One word slot: alternatives separated by `|`, each a word or a `{list}`. */
function compileSlot(slot: string, vocabulary: Vocabulary, depth: number): string {
  const alternatives = slot.split('|').map((a) => compileAlternative(a, vocabulary, depth));
  return alternatives.length > 1 ? `(?:${alternatives.join('|')})` : alternatives[0]!;
}

/** Word slots, with a bracketed run of them ("[för ...]") as one optional group. */
type Part = { slot: string } | { optional: string[] };

function parts(pattern: string): Part[] {
  const out: Part[] = [];
  let group: string[] | undefined;
  for (const word of pattern.trim().split(/\s+/).filter(Boolean)) {
    const opens = word.startsWith('[');
    const closes = word.endsWith(']');
    if (group) {
      if (opens) throw new PatternError(`nästlade [ ] i "${pattern}" / nested [ ] in "${pattern}"`);
      group.push(closes ? word.slice(0, -1) : word);
      if (closes) {
        out.push({ optional: group });
        group = undefined;
      }
    } else if (opens && closes && word.length > 2) out.push({ optional: [word.slice(1, -1)] });
    else if (opens) group = [word.slice(1)];
    else out.push({ slot: word });
  }
  if (group) throw new PatternError(`"[" utan "]" i "${pattern}" / unclosed [ in "${pattern}"`);
  return out;
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

/** Compiles one phrase pattern to a global Unicode RegExp (case-insensitive by construction). */
export function compilePattern(pattern: string, vocabulary: Vocabulary = {}): RegExp {
  return new RegExp(`${BEFORE}(?:${compileBody(pattern, vocabulary, 0)})${AFTER}`, 'gu');
}

/** Compiles a list of alternatives into one RegExp (cached by the caller). */
export function compilePatterns(patterns: readonly string[], vocabulary: Vocabulary = {}): RegExp {
  const bodies = patterns.map((p) => `(?:${compileBody(p, vocabulary, 0)})`);
  return new RegExp(`${BEFORE}(?:${bodies.join('|')})${AFTER}`, 'gu');
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
