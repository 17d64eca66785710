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
