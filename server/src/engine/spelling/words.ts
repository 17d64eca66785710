// Which tokens the spelling check skips, and the form of a word that is looked up.
// Pure functions: the token, the text it came from, and document-level facts.
import type { Token } from './tokens.js';
import { looksEncoded } from '../ocr/detect.js';

export interface SkipContext {
  /** The plain text the token offsets refer to. */
  text: string;
  /** Abbreviations the document defines (see findDefinedAbbreviations). */
  definedAbbreviations: ReadonlySet<string>;
  /** The user's word list (exact forms). */
  userWords: ReadonlySet<string>;
  /** End of a leading front matter block; computed from `text` when absent. */
  frontMatterEnd?: number;
}

/** Length of a leading YAML front matter block ("---\n…\n---\n"), 0 if none. */
export function frontMatterLength(text: string): number {
  return /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/u.exec(text)?.[0].length ?? 0;
}

export type SkipReason =
  | 'not-a-word' // URL, e-mail, inline code
  | 'number'
  | 'section-reference'
  | 'diarienummer'
  | 'defined-abbreviation'
  | 'user-word'
  | 'front-matter-key'
  | 'too-long' // longer than MAX_WORD_LENGTH: a run of words that lost its spaces, data
  | 'encoded'; // font-encoding garbage or encoded data (reported once as unreadable text)

/** Longer tokens are not checked (documented in docs/rules/spelling.md). */
export const MAX_WORD_LENGTH = 64;

const LETTER = /\p{L}/u;
const UPPER_ABBREVIATION = /^\p{Lu}[\p{Lu}\p{N}]+$/u;
// "KS 2024/512", "Dnr KS 2019:123", "KS-2024-0512": a case number, not prose.
// Not a date ("KLG 2010-08-12"): the number after the year has three digits or more.
const CASE_NUMBER_AFTER = /^\s*(?:nr\.?\s*)?(?:\d{2,4}[/:]\d+|\d{4}-\d{3,})|^-\d{4}-\d{3,}/u;
const DIARIE_PREFIX = /^(?:dnr|diarienr|diarienummer)\.?$/iu;

export function skipReason(token: Token, ctx: SkipContext): SkipReason | undefined {
  if (token.kind !== 'word') return 'not-a-word';
  const word = token.text;
  if (!LETTER.test(word)) return 'number';
  if (word.length > MAX_WORD_LENGTH) return 'too-long';
  if (word.includes('§')) return 'section-reference';
  if (ctx.userWords.size > 0 && (ctx.userWords.has(word) || ctx.userWords.has(spellingForm(word)))) return 'user-word';
  if (looksEncoded(word)) return 'encoded';
  if (DIARIE_PREFIX.test(word)) return 'diarienummer';
  // Both patterns below start with a capital letter.
  const first = word.charCodeAt(0);
  if (first >= 97 && first <= 122) return isFrontMatterKey(ctx.text, token, ctx.frontMatterEnd) ? 'front-matter-key' : undefined;
  if (UPPER_ABBREVIATION.test(word)) {
    if (ctx.definedAbbreviations.has(word)) return 'defined-abbreviation';
    if (CASE_NUMBER_AFTER.test(ctx.text.slice(token.end, token.end + 24))) return 'diarienummer';
  }
  // Genitive/inflected forms of a defined abbreviation: "ARKO:s", "ICLD-projekt".
  const stem = /^(\p{Lu}{2,})(?::\p{Ll}+|-)/u.exec(word);
  if (stem && ctx.definedAbbreviations.has(stem[1]!)) return 'defined-abbreviation';
  if (isFrontMatterKey(ctx.text, token, ctx.frontMatterEnd)) return 'front-matter-key';
  return undefined;
}

/**
 * The form to look up: without a trailing hyphen ("Vänorts-") and without a footnote
 * marker glued to the word by PDF extraction ("världen2"). Digits inside a word are kept:
 * they are OCR damage, not footnotes.
 */
export function spellingForm(word: string): string {
  // Fast path: both rewrites need a trailing digit or hyphen.
  const last = word.charCodeAt(word.length - 1);
  if (last !== 45 && !(last >= 48 && last <= 57)) return word;
  return word.replace(/(?<=\p{Ll}{2})\d{1,2}$/u, '').replace(/-$/u, '');
}

/**
 * A text's tokens with, per token, its spelling form and whether the spelling check skips
 * it, so that the word rules (OCR evidence, OCR scan, spelling) tokenize a passage once.
 */
export interface PreparedWords {
  text: string;
  tokens: Token[];
  /** spellingForm of each word token ('' for other tokens). */
  forms: string[];
  /** Whether skipReason gives a reason for the token. */
  skipped: boolean[];
  /** The frontMatterEnd the skip verdicts were computed with. */
  frontMatterEnd: number;
  /** Most of the text is encoded data or garbage: every word is skipped (see ENCODED_SHARE). */
  encoded: boolean;
}

// A passage whose words are this much (by characters) encoded garbage is unreadable as a
// whole: the words in between ("Qx", "ab" in base64) are fragments too, not prose.
const ENCODED_SHARE = 0.3;
const MIN_ENCODED_TOKENS = 3;

export function prepareWords(tokens: Token[], ctx: SkipContext): PreparedWords {
  const frontMatterEnd = ctx.frontMatterEnd ?? frontMatterLength(ctx.text);
  const skip = { ...ctx, frontMatterEnd };
  const forms = new Array<string>(tokens.length);
  const skipped = new Array<boolean>(tokens.length);
  let wordChars = 0,
    encodedChars = 0,
    encodedTokens = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    forms[i] = token.kind === 'word' ? spellingForm(token.text) : '';
    const reason = skipReason(token, skip);
    skipped[i] = reason !== undefined;
    if (token.kind !== 'word') continue;
    wordChars += token.text.length;
    if (reason === 'encoded' || reason === 'too-long') {
      encodedChars += token.text.length;
      encodedTokens++;
    }
  }
  const encoded = encodedTokens >= MIN_ENCODED_TOKENS && encodedChars >= ENCODED_SHARE * wordChars;
  if (encoded) skipped.fill(true);
  return { text: ctx.text, tokens, forms, skipped, frontMatterEnd, encoded };
}

/**
 * Abbreviations a document defines, both ways round:
 *   "ARKO (elva gränskommuner i samverkan)" and "Sveriges Kommuner och Regioner (SKR)".
 */
export function findDefinedAbbreviations(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}]{1,9})\s*\(/gu)) found.add(m[1]!);
  for (const m of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}\p{N}]{1,9})\s*[),;]/gu)) found.add(m[1]!);
  return found;
}

/** A key in a leading YAML front matter block ("title:" in "---\ntitle: …\n---"). */
export function isFrontMatterKey(text: string, token: Token, frontMatterEnd = frontMatterLength(text)): boolean {
  if (token.end > frontMatterEnd) return false;
  const lineStart = text.lastIndexOf('\n', token.start - 1) + 1;
  return /^\s*$/u.test(text.slice(lineStart, token.start)) && text[token.end] === ':';
}
