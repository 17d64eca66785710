// The spelling check over a plain text: tokens Hunspell rejects, minus skipped tokens and
// minus tokens the ocr-artifact rule reports (one diagnostic per word). Diagnostics carry
// no suggestions: computing them is slow, see suggest.ts.
import { findOcrArtifacts, type OcrFinding } from '../ocr/scan.js';
import { profileDiacritics, type DiacriticProfile } from '../ocr/diacriticLoss.js';
import type { Speller } from './hunspell.js';
import { tokenize, type Token } from './tokens.js';
import { findDefinedAbbreviations, frontMatterLength, prepareWords, type PreparedWords, type SkipContext } from './words.js';

export interface Misspelling {
  start: number;
  /** Exclusive. */
  end: number;
  word: string;
}

export interface CheckOptions {
  userWords?: ReadonlySet<string>;
  /** Defaults to the abbreviations `text` itself defines; pass the document's when `text` is a part. */
  definedAbbreviations?: ReadonlySet<string>;
  /** Diacritic profile of the whole document (see ocr/diacriticLoss.ts) and `text`'s offset in it. */
  profile?: DiacriticProfile;
  profileOffset?: number;
  /**
   * `text` already tokenized with skip verdicts (see prepareWords); used only if it was
   * prepared for this text with the same skip context.
   */
  prepared?: PreparedWords;
}

export function findMisspellings(text: string, speller: Speller, options: CheckOptions = {}): Misspelling[] {
  const skip: SkipContext = {
    text,
    definedAbbreviations: options.definedAbbreviations ?? findDefinedAbbreviations(text),
    userWords: options.userWords ?? new Set(),
    frontMatterEnd: frontMatterLength(text),
  };
  const found: Misspelling[] = [];
  const frontMatterEnd = skip.frontMatterEnd!;
  const prepared = options.prepared && options.prepared.text === text && options.prepared.frontMatterEnd === frontMatterEnd
    ? options.prepared
    : prepareWords(tokenize(text), skip);
  const { tokens, forms, skipped } = prepared;
  for (let index = 0; index < tokens.length; index++) {
    if (skipped[index]) continue;
    const token = tokens[index]!;
    const word = forms[index]!;
    if (speller.correct(word)) continue;
    if (token.text.endsWith('-') && completesCoordinatedCompound(word, tokens.slice(index + 1, index + 6), speller)) continue;
    found.push({ start: token.start, end: token.start + word.length, word });
  }
  return found;
}

/**
 * "nytto- respektive riskanalys": the prefix is only a word as part of the compound it
 * shares a head with. Accept it if prefix + a tail of that head word is a word.
 */
function completesCoordinatedCompound(prefix: string, following: Token[], speller: Speller): boolean {
  const head = following.find((t) => t.kind === 'word' && !t.text.endsWith('-') && !COORDINATORS.has(t.text.toLowerCase()));
  if (!head) return false;
  const word = head.text.toLowerCase();
  for (let cut = 0; cut <= word.length - 3; cut++) {
    if (speller.correct(prefix + word.slice(cut))) return true;
  }
  return false;
}

const COORDINATORS = new Set(['och', 'eller', 'respektive', 'samt', 'som', 'liksom', 'resp', 'o']);

export interface WordFindings {
  spelling: Misspelling[];
  ocr: OcrFinding[];
}

/** Both word rules at once; a word reported as OCR damage is not also a misspelling. */
export function checkWords(text: string, speller: Speller, options: CheckOptions = {}): WordFindings {
  const shared = {
    ...options,
    definedAbbreviations: options.definedAbbreviations ?? findDefinedAbbreviations(text),
    profile: options.profile ?? profileDiacritics(text),
  };
  const ocr = findOcrArtifacts(text, speller, shared);
  const ocrStarts = new Set(ocr.map((f) => f.start));
  const spelling = findMisspellings(text, speller, shared).filter((m) => !ocrStarts.has(m.start));
  return { spelling, ocr };
}
