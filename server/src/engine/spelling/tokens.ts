// Word tokens over plain text, with offsets. A plain \p{L}+ regex would split OCR damage
// ("6ver", "&r", "I6pande", "Lidk6pings") into pieces, so a word here may also contain
// digits and the symbols OCR puts in place of letters (& ¢ |). URLs, e-mail addresses and
// inline code are matched first so that their parts never become words.

export type TokenKind = 'word' | 'url' | 'email' | 'code';

export interface Token {
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
  kind: TokenKind;
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}&¢|§]`;
// Groups by number, not name: a named group costs every match (every word) a groups object.
const TOKEN = new RegExp(
  [
    String.raw`(\x60[^\x60\n]+\x60)`, // 1: code
    String.raw`(\b(?:https?:\/\/|www\.)[^\s<>"”)\]]+)`, // 2: url
    String.raw`([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`, // 3: email
    // Inner hyphens and apostrophes join ("EU-kommissionens"); a trailing hyphen stays
    // with the word because Swedish writes "Vänorts- och partnerskapssamarbetet".
    String.raw`(?:${WORD_CHAR}+(?:[-'’]${WORD_CHAR}+)*-?)`, // word
  ].join('|'),
  'gu',
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const kind: TokenKind = match[1] ? 'code' : match[2] ? 'url' : match[3] ? 'email' : 'word';
    let value = match[0];
    // URLs end before trailing sentence punctuation.
    if (kind === 'url') value = value.replace(/[.,;:!?]+$/u, '');
    tokens.push({ text: value, start: match.index, end: match.index + value.length, kind });
  }
  return tokens;
}

/** Previous/next word tokens (skipping URLs etc.), for context rules. */
export function neighbours(tokens: readonly Token[], index: number): { prev?: Token | undefined; next?: Token | undefined } {
  let prev: Token | undefined;
  let next: Token | undefined;
  for (let i = index - 1; i >= 0; i--)
    if (tokens[i]!.kind === 'word') {
      prev = tokens[i];
      break;
    }
  for (let i = index + 1; i < tokens.length; i++)
    if (tokens[i]!.kind === 'word') {
      next = tokens[i];
      break;
    }
  return { prev, next };
}
