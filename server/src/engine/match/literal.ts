// Letters of a phrase pattern as regular-expression source: case folded at compile time,
// with the look-alikes OCR puts in place of å, ä, ö and é (see pattern.ts for why no `i`
// flag). Shared by the compiler and the prefilter (fragments.ts), which tests stretches of
// the very same source.

/** Letters and digits of the European scripts, as a character class body. */
export const ALNUM = String.raw`0-9A-Za-z\u00AA\u00B2\u00B3\u00B5\u00B9\u00BA\u00BC-\u00BE\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0300-\u036F\u0370-\u03FF\u0400-\u052F\u1E00-\u1EFF`;

/** What OCR turns each Swedish letter into, besides the letter itself. */
const OCR_CLASSES: Readonly<Record<string, string>> = {
  å: 'åaä&é',
  ä: 'äaå&é',
  ö: 'öo6é¢ø',
  é: 'ée',
};

/** Any character of a word, for `*`: letters, digits and the symbols OCR puts in words. */
const WORD_CHAR = `[${ALNUM}&|¢]`;

/** Where a match may start: not inside a word. */
export const BEFORE = `(?<![${ALNUM}&])`;

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
export function caseless(ch: string): string {
  const cases = bothCases(ch);
  return cases.length > 1 ? `[${cases}]` : escapeChar(ch);
}

/** A pattern word as expression source: `*` is any continuation of the word. */
export function compileLiteral(word: string): string {
  let out = literals.get(word);
  if (out === undefined) {
    out = compileWord(word);
    literals.set(word, out);
  }
  return out;
}

/** The words of the loaded rule files and their prefilter stretches: a few thousand at most. */
const literals = new Map<string, string>();

function compileWord(word: string): string {
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
