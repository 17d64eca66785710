// Find OCR damage in a passage of plain text: every token with a repair decision, with
// offsets into the passage. The document-level verdict (has the document lost its å/ä/ö?)
// is taken by spelling/check.ts checkPassages from passageLossEvidence.
import type { Speller } from '../spelling/hunspell.js';
import { CachePerSpeller } from '../spelling/recentCache.js';
import { neighbours, tokenize, type Token } from '../spelling/tokens.js';
import { prepareWords, type PreparedWords, type SkipContext } from '../spelling/words.js';
import { budgetedAnswer, repairCandidates, type SearchBudget } from './candidates.js';
import { cannotBeDamage, repairWord, type Repair } from './repair.js';
import { hasCapitalIForL, hasOcrAccent, hasOcrSymbol, looksEncoded } from './detect.js';
import { digraphCandidates, hasDigraph } from './digraphs.js';
import { isEnglishPassage } from './language.js';
import { pdfDamage } from './pdfDamage.js';

export interface OcrFinding {
  start: number;
  end: number;
  /** The text at [start, end). */
  word: string;
  repair: Repair;
}

// Words in poor passages that are not words but are with å/ä/ö: positive evidence of
// loss. Without it (e.g. an English paragraph has few å/ä/ö too) no real word is repaired.
const MIN_LOSS_EVIDENCE = 3;

/** Words in poor passages that are not words but are with å/ä/ö. */
function countLossEvidence(prepared: PreparedWords, speller: Speller, poorAt: (t: Token) => boolean, budget?: SearchBudget): number {
  const { tokens, forms, skipped } = prepared;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' && !skipped[i] && poorAt(t) && isLostDiacriticWord(forms[i]!, speller, budget)) count++;
  }
  return count;
}

function scanTokens(prepared: PreparedWords, speller: Speller, poor: (t: Token) => boolean, verdict: PassageVerdict, budget?: SearchBudget): OcrFinding[] {
  const { text, tokens, forms, skipped } = prepared;
  const findings: OcrFinding[] = [];
  const english = isEnglishPassage(forms.filter((f, i) => f !== '' && !skipped[i]));
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    // A lone "|" or "&" has no letters, so the skip rules would call it a number.
    const loneSymbol = token.text === '|' || token.text === '&';
    if (token.kind !== 'word' || (!loneSymbol && skipped[index])) continue;
    const form = forms[index]!;
    const isPoor = poor(token);
    // Most words: no decision can depend on the context, so do not build it.
    if (cannotBeDamage(form, speller, isPoor, budget)) continue;
    const { prev, next } = neighbours(tokens, index);
    const repair = repairWord(form, speller, {
      poor: isPoor,
      previousWord: prev?.text,
      nextWord: next?.text,
      sentenceStart: !prev || /(?:[.!?]["”’)]*|\n\s*\n)\s*$/u.test(text.slice(prev.end, token.start)),
      damagedParagraph: verdict.damaged,
      english,
      budget,
    });
    if (repair) findings.push({ start: token.start, end: token.start + form.length, word: form, repair });
  }
  return findings;
}

export interface PassageOptions {
  userWords: ReadonlySet<string>;
  /** Abbreviations the whole document defines. */
  definedAbbreviations: ReadonlySet<string>;
  /** The document's candidate-search budget (see candidates.ts documentBudget). */
  budget?: SearchBudget | undefined;
}

/**
 * Passage-level pieces of the document-level scan, so an editor can cache them per
 * paragraph: how much evidence of lost å/ä/ö a poor passage holds, and the findings of a
 * passage once the document-level verdict (`poor`: passage poor and loss confirmed) is known.
 */
export const MIN_LOSS_EVIDENCE_IN_DOCUMENT = MIN_LOSS_EVIDENCE;

export function passageLossEvidence(text: string, speller: Speller, options: PassageOptions, prepared?: PreparedWords): number {
  return countLossEvidence(passageWords(text, options, prepared), speller, () => true, options.budget);
}

/** What the document-level pass decided for a passage. */
export interface PassageVerdict {
  /** Repair lost å/ä/ö here: the passage is poor and the document's loss confirmed. */
  poor: boolean;
  /** The passage itself has several words that lost their å/ä/ö (see MIN_PARAGRAPH_EVIDENCE). */
  damaged: boolean;
  /** The passage repeats an earlier short passage often enough to be a running header. */
  repeatedHeader?: boolean | undefined;
}

/** Lost-diacritic words a paragraph needs before its short function words are repaired. */
export const MIN_PARAGRAPH_EVIDENCE = 2;

/**
 * Words of a passage with visible OCR damage ("&r", "méal", "I6pande") the dictionary
 * rejects: with passageLossEvidence, how plainly the paragraph itself is damaged.
 */
export function passageDamageMarks(text: string, speller: Speller, options: PassageOptions, prepared?: PreparedWords): number {
  const { tokens, forms, skipped } = passageWords(text, options, prepared);
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const form = forms[i]!;
    if (tokens[i]!.kind !== 'word' || skipped[i]) continue;
    if ((hasOcrSymbol(form) || hasOcrAccent(form) || hasCapitalIForL(form)) && !speller.correct(form)) count++;
  }
  return count;
}

export function scanPassage(text: string, speller: Speller, verdict: boolean | PassageVerdict, options: PassageOptions, prepared?: PreparedWords): OcrFinding[] {
  const v = typeof verdict === 'boolean' ? { poor: verdict, damaged: verdict } : verdict;
  const words = passageWords(text, options, prepared);
  // Whole-stretch findings first; a word finding inside one of them is dropped.
  const stretches = [...unreadableStretches(words), ...(words.encoded ? [] : pdfDamage(text, speller, v.repeatedHeader))].sort((a, b) => a.start - b.start);
  const found = scanTokens(words, speller, () => v.poor, v, options.budget);
  if (stretches.length === 0) return found;
  const inside = (f: OcrFinding) => stretches.some((s) => f.start < s.end && s.start < f.end);
  return [...stretches, ...found.filter((f) => !inside(f))].sort((a, b) => a.start - b.start);
}

// Short tokens between two garbage tokens ("Qx" in base64) belong to the stretch.
const MAX_GAP_TOKENS = 2;
const MAX_GAP_LENGTH = 4;

/**
 * Stretches of font-encoding garbage or encoded data (see looksEncoded), one finding each:
 * their tokens are skipped by both word rules, so a page of garbage is one finding, not
 * hundreds of misspellings.
 */
export function unreadableStretches(prepared: PreparedWords): OcrFinding[] {
  const { text, tokens, skipped } = prepared;
  const out: OcrFinding[] = [];
  if (prepared.encoded) {
    const words = tokens.filter((t) => t.kind === 'word');
    const start = words[0]!.start,
      end = words[words.length - 1]!.end;
    return [{ start, end, word: text.slice(start, end), repair: { kind: 'unreadable', suggestions: [] } }];
  }
  let first = -1,
    last = -1,
    gap = 0;
  const close = () => {
    if (first < 0) return;
    const start = tokens[first]!.start,
      end = tokens[last]!.end;
    out.push({ start, end, word: text.slice(start, end), repair: { kind: 'unreadable', suggestions: [] } });
    first = last = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if (skipped[i] && looksEncoded(t.text)) {
      if (first < 0) first = i;
      last = i;
      gap = 0;
    } else if (first >= 0 && t.text.length <= MAX_GAP_LENGTH && gap < MAX_GAP_TOKENS) gap++;
    else {
      close();
      gap = 0;
    }
  }
  close();
  return out;
}

/**
 * A passage's tokens with skip verdicts (front matter not considered). `prepared`, if given,
 * must come from prepareWords on this text with the same options.
 */
export function passageWords(text: string, options: PassageOptions, prepared?: PreparedWords): PreparedWords {
  if (prepared && prepared.text === text && prepared.frontMatterEnd === 0) return prepared;
  const skip: SkipContext = { text, definedAbbreviations: options.definedAbbreviations, userWords: options.userWords, frontMatterEnd: 0 };
  return prepareWords(tokenize(text), skip);
}

function isLostDiacriticWord(word: string, speller: Speller, budget?: SearchBudget): boolean {
  if (speller.correct(word)) return false;
  // Asked for every word of a poor paragraph each time it is scanned (an editor: at each
  // keystroke in it); the searches are cached too, but behind keys built per call.
  return budgetedAnswer(lostDiacritic, word, speller, budget, hasDiacriticReading);
}

/** A non-word that is a word with å/ä/ö restored (or a digraph read as one). */
function hasDiacriticReading(word: string, speller: Speller, budget: SearchBudget | undefined): boolean {
  return repairCandidates(word, speller, { diacriticsOnly: true, maxEdits: 3, budget }).length > 0 || (hasDigraph(word) && digraphCandidates(word, speller, budget).length > 0);
}

// Bounded like the candidate cache (see candidates.ts).
const lostDiacritic = new CachePerSpeller<boolean>(20_000);
