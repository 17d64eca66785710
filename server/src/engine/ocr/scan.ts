// Find OCR damage in a plain text: every token with a repair decision, with offsets into
// the text. The caller maps offsets back to its source (Markdown) positions.
import type { Speller } from '../spelling/hunspell.js';
import { neighbours, tokenize, type Token } from '../spelling/tokens.js';
import { findDefinedAbbreviations, frontMatterLength, skipReason, spellingForm, type SkipContext } from '../spelling/words.js';
import { repairCandidates } from './candidates.js';
import { profileDiacritics, type DiacriticProfile } from './diacriticLoss.js';
import { repairWord, type Repair } from './repair.js';

export interface OcrFinding {
  start: number;
  end: number;
  /** The text at [start, end). */
  word: string;
  repair: Repair;
}

export interface ScanOptions {
  /** Reuse a profile built on the whole document when scanning one part of it. */
  profile?: DiacriticProfile;
  /** Offset of `text` within the text the profile was built on. Default 0. */
  profileOffset?: number;
  userWords?: ReadonlySet<string>;
  definedAbbreviations?: ReadonlySet<string>;
}

// Words in poor passages that are not words but are with å/ä/ö: positive evidence of
// loss. Without it (e.g. an English paragraph has few å/ä/ö too) no real word is repaired.
const MIN_LOSS_EVIDENCE = 3;

export function findOcrArtifacts(text: string, speller: Speller, options: ScanOptions = {}): OcrFinding[] {
  const tokens = tokenize(text);
  const skip: SkipContext = {
    text,
    definedAbbreviations: options.definedAbbreviations ?? findDefinedAbbreviations(text),
    userWords: options.userWords ?? new Set(),
    frontMatterEnd: frontMatterLength(text),
  };
  const profile = options.profile ?? profileDiacritics(text);
  const offset = options.profileOffset ?? 0;
  const checked = tokens.map((t) => t.kind === 'word' && !skipReason(t, skip));
  const words = tokens.filter((_, i) => checked[i]);
  const poorAt = (t: Token) => profile.isPoorAt(offset + t.start);
  const evidence = words.filter((t) => poorAt(t) && isLostDiacriticWord(spellingForm(t.text), speller)).length;
  const lossConfirmed = evidence >= MIN_LOSS_EVIDENCE;

  const findings: OcrFinding[] = [];
  tokens.forEach((token, index) => {
    // A lone "|" or "&" has no letters, so the skip rules would call it a number.
    const loneSymbol = token.text === '|' || token.text === '&';
    if (token.kind !== 'word' || (!loneSymbol && !checked[index])) return;
    const form = spellingForm(token.text);
    const { prev, next } = neighbours(tokens, index);
    const repair = repairWord(form, speller, {
      poor: lossConfirmed && poorAt(token),
      previousWord: prev?.text,
      nextWord: next?.text,
      sentenceStart: !prev || /(?:[.!?]["”’)]*|\n\s*\n)\s*$/u.test(text.slice(prev.end, token.start)),
    });
    if (repair) findings.push({ start: token.start, end: token.start + form.length, word: form, repair });
  });
  return findings;
}

function isLostDiacriticWord(word: string, speller: Speller): boolean {
  return !speller.correct(word) && repairCandidates(word, speller, { diacriticsOnly: true, maxEdits: 3 }).length > 0;
}
