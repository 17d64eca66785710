// Signs that a token is OCR damage rather than a misspelling. OCR replaces the Swedish
// letters å/ä/ö (and l, I) with look-alikes: 6 and ¢ for ö, & for ä/å, é for ö/ä/å,
// | for I, I and 1 for l ("6ver", "&r", "I6pande", "16sa", "Iang").

/**
 * A digit or OCR symbol inside a word or right before its letters. Not: numbers, trailing
 * footnote markers ("världen2"), codes in capitals ("V6", "COVID19", "A4").
 */
export function hasOcrSymbol(word: string): boolean {
  if (!/\p{L}/u.test(word)) return false;
  if (/^[\p{Lu}\p{N}-]+$/u.test(word)) return false;
  const core = word.replace(/(?<=\p{L})\d{1,2}$/u, '').replace(/-$/u, '');
  // A symbol followed by a letter: "6ver", "&r", "I6pande", "Lidk6pings", "16sa".
  return /[0-9&¢|](?=\p{L})/u.test(core) || /(?<=\p{L})[&¢|]/u.test(core);
}

/** "é" is a letter in Swedish only in loanwords ("idé", "armé"); OCR uses it for ö/ä/å. */
export function hasOcrAccent(word: string): boolean {
  return /[éÉ]/u.test(word);
}

/** Capital I where a lower-case l belongs: "Iang", "Iöpande". */
export function hasCapitalIForL(word: string): boolean {
  return /^I[\p{Ll}0-9&¢]/u.test(word) || /(?<=\p{Ll})I(?=\p{Ll})/u.test(word);
}

// Characters no text layer of a Swedish document should contain: private-use glyphs (a
// font without a Unicode map), the replacement character, control characters.
const FOREIGN_GLYPH = /[\u{E000}-\u{F8FF}\u{FFFD}\u{0000}-\u{0008}\u{000E}-\u{001F}\u{007F}-\u{009F}]/u;

/**
 * Font-encoding garbage or encoded data, not a word: a glyph without a Unicode mapping, or
 * letters and digits shuffled as no word is ("xQ3rT9aBcD", base64). OCR damage has one or
 * two stand-ins in an otherwise ordinary word ("I6pande", "Lidk6pings") and stays a word.
 */
export function looksEncoded(word: string): boolean {
  if (FOREIGN_GLYPH.test(word)) return true;
  let caseSwitches = 0,
    digitRuns = 0,
    digits = 0;
  for (let i = 1; i < word.length; i++) {
    const prev = word[i - 1]!,
      ch = word[i]!;
    if (isDigit(ch)) {
      digits++;
      if (!isDigit(prev)) digitRuns++;
    } else if (isUpper(ch) && isLower(prev)) caseSwitches++;
  }
  if (isDigit(word[0] ?? '')) {
    digits++;
    digitRuns++;
  }
  const letters = word.length - digits;
  return (caseSwitches >= 2 && (digits > 0 || caseSwitches >= 3)) || (digitRuns >= 3 && letters >= 3);
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
