// The spelling check over a plain text: tokens Hunspell rejects, minus skipped tokens and
// minus tokens the ocr-artifact rule reports (one diagnostic per word). Diagnostics carry
// no suggestions: computing them is slow, see suggest.ts.
import { MIN_LOSS_EVIDENCE_IN_DOCUMENT, MIN_PARAGRAPH_EVIDENCE, passageDamageMarks, passageLossEvidence, passageWords, scanPassage, type OcrFinding } from '../ocr/scan.js';
import { countLetters, poorParagraphs, type LetterCounts } from '../ocr/diacriticLoss.js';
import { documentBudget } from '../ocr/candidates.js';
import { headerCandidate, repeatedKeys, type HeaderCandidate } from '../ocr/pdfDamage.js';
import type { Speller } from './hunspell.js';
import { tokenize, type Token } from './tokens.js';
import { englishSentences } from './english.js';
import { inCapitalisedRun, isCapitalised, isNameJoiner, isSentenceInitial, municipalityNames } from './names.js';
import { findDefinedAbbreviations, frontMatterLength, prepareWords, type PreparedWords, type SkipContext } from './words.js';

export interface Misspelling {
  start: number;
  /** Exclusive. */
  end: number;
  word: string;
  /**
   * Capitalised where Swedish prose writes lowercase (inside a sentence, or in a run of
   * capitalised words): most likely a name of a place or organisation, noted at info level.
   */
  name?: boolean;
  /** Capitalised at the start of a sentence: a name if the document writes it as one elsewhere. */
  initialCapital?: boolean;
}

export interface CheckOptions {
  userWords?: ReadonlySet<string>;
  /** Defaults to the abbreviations `text` itself defines; pass the document's when `text` is a part. */
  definedAbbreviations?: ReadonlySet<string>;
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
  const prepared = options.prepared && options.prepared.text === text && options.prepared.frontMatterEnd === frontMatterEnd ? options.prepared : prepareWords(tokenize(text), skip);
  const { tokens, forms, skipped } = prepared;
  const english = englishSentences(text);
  let englishAt = 0;
  let abbreviationEnd = -1;
  for (let index = 0; index < tokens.length; index++) {
    if (skipped[index]) continue;
    const token = tokens[index]!;
    if (token.start < abbreviationEnd) continue;
    const word = forms[index]!;
    if (speller.correct(word)) continue;
    // "bl.a.", "m.fl.", "osv.": the dictionary has abbreviations with their periods.
    const dotted = dottedAbbreviation(text, token);
    if (dotted && speller.correct(dotted.text)) {
      abbreviationEnd = dotted.end;
      continue;
    }
    while (englishAt < english.length && english[englishAt]!.end <= token.start) englishAt++;
    if (englishAt < english.length && english[englishAt]!.start <= token.start) continue;
    // "Covenant of Mayors": the joining words of a name are part of the name, not Swedish.
    if (isNameJoiner(text, tokens, index)) continue;
    if (token.text.endsWith('-') && completesCoordinatedCompound(word, tokens.slice(index + 1, index + 6), speller)) continue;
    const misspelling: Misspelling = { start: token.start, end: token.start + word.length, word };
    if (isCapitalised(word)) {
      if (!isSentenceInitial(text, token.start) || inCapitalisedRun(text, tokens, index)) misspelling.name = true;
      else misspelling.initialCapital = true;
    }
    found.push(misspelling);
  }
  return found;
}

/**
 * The abbreviation with its periods that `token` is part of ("bl.a.", "m.fl.", "osv."), if
 * the text has one there; its first part may be a word of its own ("m" in "m.fl.").
 */
function dottedAbbreviation(text: string, token: Token): { text: string; end: number } | undefined {
  if (text[token.end] !== '.') return undefined;
  const before = /(?:\p{L}{1,5}\.){1,3}$/u.exec(text.slice(Math.max(0, token.start - 18), token.start));
  let start = token.start - (before?.[0].length ?? 0);
  if (start > 0 && /\p{L}/u.test(text[start - 1]!)) start = token.start;
  const found = /^(?:\p{L}{1,5}\.){1,4}/u.exec(text.slice(start, token.end + 24))?.[0];
  return found && start + found.length > token.end ? { text: found, end: start + found.length } : undefined;
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
  /**
   * The document's OCR search budget ran out (a hostile or huge document): some words of
   * this lint got no repair candidates. Set on every passage's result; a front end should
   * say so once rather than lose findings silently.
   */
  budgetSpent?: boolean;
}

/** A paragraph with this many letters speaks for itself: is it damaged Swedish or not? */
const SELF_EVIDENT_LETTERS = 100;

/** A paragraph of plain text. */
export interface Passage {
  text: string;
}

/**
 * Caches a computation per passage and key. Editors pass the same Passage object for an
 * unchanged paragraph, so results are looked up by identity; the CLI looks them up by text
 * (see passageMemo.ts); default: no cache. `reusable`, asked after `compute`, says whether
 * the value may be reused for another document (not when the search budget ran out).
 */
export type PassageMemo = <T>(passage: Passage, key: string, compute: () => T, reusable?: () => boolean) => T;

const noMemo: PassageMemo = (_passage, _key, compute) => compute();

/**
 * Both word rules over a document's passages: a word is either a misspelling or OCR damage.
 * Whether real words get repaired is decided for the whole document (has it lost its å/ä/ö?),
 * then each passage is checked with that verdict, so per-passage results can be cached.
 */
export function checkPassages(passages: readonly Passage[], speller: Speller, userWords: ReadonlySet<string>, memo: PassageMemo = noMemo): WordFindings[] {
  // One look-up per passage for what depends on its text alone, and one for what depends on
  // the document too (below): an editor runs this over every passage on each keystroke.
  const own = passages.map((p) => memo(p, 'own', () => ownFacts(p.text)));
  // The municipality the document names ("… för Vänersby kommun") is no misspelling anywhere
  // in it. Only for spelling: OCR damage of a name ("Amals kommun") is still repaired.
  const municipality = new Set<string>();
  // Definitions sit inside one sentence, so each passage's can be found (and cached) alone.
  const definedAbbreviations = new Set<string>();
  let letterCount = 0;
  for (const facts of own) {
    for (const name of facts.municipality) municipality.add(name);
    for (const abbreviation of facts.abbreviations) definedAbbreviations.add(abbreviation);
    letterCount += facts.letters.letters;
  }
  const letters = own.map((facts) => facts.letters);
  // One candidate-search budget for the whole lint: bounded work on any input.
  const budget = documentBudget(letterCount);
  const options = { userWords, definedAbbreviations, budget };
  // Results depend on the passage and on these document-wide word sets: one key per lint.
  const context = `w|${[...definedAbbreviations].sort().join(',')}|${wordSetId(userWords)}`;
  const { poor } = poorParagraphs(letters);
  // Each passage tokenized once for the three passes below (only if some pass needs it).
  const prepared = new Array<PreparedWords | undefined>(passages.length);
  const words = (i: number): PreparedWords => (prepared[i] ??= passageWords(passages[i]!.text, options));
  // A value computed after the budget ran out may lack candidates: for this lint only, so it
  // is kept in the passage's record only while the budget lasts.
  const complete = () => budget.left > 0;
  const inContext = passages.map((p) => memo(p, context, newContextResults));
  const evidence = passages.map((p, i) => {
    if (!poor[i]) return 0;
    const cached = inContext[i]!.evidence;
    if (cached !== undefined) return cached;
    const value = passageLossEvidence(p.text, speller, options, words(i));
    if (complete()) inContext[i]!.evidence = value;
    return value;
  });
  const lossConfirmed = evidence.reduce((a, b) => a + b, 0) >= MIN_LOSS_EVIDENCE_IN_DOCUMENT;
  // Running headers: a short passage seen often; every occurrence after the first.
  const candidates = own.map((facts) => facts.header);
  const headers = repeatedKeys(candidates);
  const seenHeaders = new Set<string>();
  const isRepeat = candidates.map((candidate) => {
    if (headers.size === 0 || !candidate) return false;
    const key = candidate.key;
    if (!headers.has(key)) return false;
    if (seenHeaders.has(key)) return true;
    seenHeaders.add(key);
    return false;
  });
  const results: WordFindings[] = passages.map((passage, i) => {
    const cache = inContext[i]!;
    // 0: no repair of lost å/ä/ö; 1: repair; 2: repair short function words too, where the
    // paragraph itself is damaged Swedish (a short one, a heading or list item, cannot tell
    // and follows the document).
    const damaged = (): boolean => {
      if (letters[i]!.letters < SELF_EVIDENT_LETTERS) return true;
      let marks = cache.marks;
      if (marks === undefined) {
        marks = passageDamageMarks(passage.text, speller, options, words(i));
        if (complete()) cache.marks = marks;
      }
      return evidence[i]! + marks >= MIN_PARAGRAPH_EVIDENCE;
    };
    const repair = !lossConfirmed || !poor[i] ? 0 : damaged() ? 2 : 1;
    // One slot per repair level, and per whether the passage repeats a running header.
    const slot = repair * 2 + (isRepeat[i] ? 1 : 0);
    let ocr = cache.ocr[slot];
    if (!ocr) {
      ocr = scanPassage(passage.text, speller, { poor: repair > 0, damaged: repair === 2, repeatedHeader: isRepeat[i] }, options, words(i));
      if (complete()) cache.ocr[slot] = ocr;
    }
    let spelling = cache.spelling[slot];
    if (!spelling) {
      // One finding per word: a word inside an OCR finding ("ﬁn", "m å l") is not misspelled too.
      const found = ocr;
      const covered = (m: Misspelling) => found.some((f) => m.start < f.end && f.start < m.end);
      spelling = findMisspellings(passage.text, speller, { ...options, prepared: words(i) }).filter((m) => !covered(m));
      if (complete()) cache.spelling[slot] = spelling;
    }
    prepared[i] = undefined;
    return { spelling, ocr };
  });
  if (budget.left <= 0) for (const r of results) r.budgetSpent = true;
  const known = (m: Misspelling) => !municipality.has(m.word);
  return withDocumentNames(municipality.size ? results.map((r) => (r.spelling.every(known) ? r : { ...r, spelling: r.spelling.filter(known) })) : results);
}

/** What the word rules need of a passage that depends on its text alone. */
interface OwnFacts {
  municipality: readonly string[];
  abbreviations: readonly string[];
  letters: LetterCounts;
  header: HeaderCandidate | undefined;
}

const NONE: readonly string[] = Object.freeze([]);

function ownFacts(text: string): OwnFacts {
  const municipality = municipalityNames(text);
  const abbreviations = findDefinedAbbreviations(text);
  return {
    municipality: municipality.size ? [...municipality] : NONE,
    abbreviations: abbreviations.size ? [...abbreviations] : NONE,
    letters: countLetters(text),
    header: headerCandidate(text),
  };
}

/**
 * A passage's results under one document context (its defined abbreviations and accepted
 * words), filled in as they are computed: `ocr` and `spelling` by repair level × header.
 */
interface ContextResults {
  evidence?: number;
  marks?: number;
  ocr: (OcrFinding[] | undefined)[];
  spelling: (Misspelling[] | undefined)[];
}

function newContextResults(): ContextResults {
  return { ocr: [], spelling: [] };
}

const wordSetIds = new WeakMap<ReadonlySet<string>, string>();

/**
 * A short name for a set of accepted words, for the per-passage cache keys. By identity: the
 * sets come from one configuration (see checks/words.ts), and a key must not spell out
 * thousands of words on every keystroke.
 */
function wordSetId(words: ReadonlySet<string>): string {
  let id = wordSetIds.get(words);
  if (id === undefined) wordSetIds.set(words, (id = `w${++wordSetCount}`));
  return id;
}
let wordSetCount = 0;

/**
 * "Saarikoski är vår vänort" starts a sentence, so its capital says nothing; but where the
 * document writes the word as a name elsewhere ("… med Saarikoski"), it is that name here too.
 */
function withDocumentNames(results: WordFindings[]): WordFindings[] {
  const names = new Set(results.flatMap((r) => r.spelling.filter((m) => m.name).map((m) => m.word)));
  if (names.size === 0) return results;
  // Findings may be cached per passage: copy, never change them.
  return results.map((r) =>
    r.spelling.some((m) => m.initialCapital && names.has(m.word)) ? { ...r, spelling: r.spelling.map((m) => (m.initialCapital && names.has(m.word) ? { ...m, name: true } : m)) } : r,
  );
}

/** Paragraphs of a plain text: the parts between blank lines, with their offsets. */
export function splitPassages(text: string): (Passage & { at: number })[] {
  const out: (Passage & { at: number })[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), at });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), at });
  return out;
}

/** Both word rules over a plain text, through the same passage pipeline as the engine's rules. */
export function checkWords(text: string, speller: Speller, options: { userWords?: ReadonlySet<string> } = {}): WordFindings {
  const passages = splitPassages(text);
  const found = checkPassages(passages, speller, options.userWords ?? new Set());
  const shift = <T extends { start: number; end: number }>(x: T, by: number): T => ({ ...x, start: x.start + by, end: x.end + by });
  return {
    spelling: found.flatMap((f, i) => f.spelling.map((m) => shift(m, passages[i]!.at))),
    ocr: found.flatMap((f, i) => f.ocr.map((o) => shift(o, passages[i]!.at))),
  };
}
