// Damage from extracting text out of a PDF (not from OCR): seen in transcripts of Swedish
// municipal PDFs, e.g. "EUprojekt" and "EUarbete" (docplayer.se/2903106, /11918792),
// "tilllämpning" (docplayer.se/68139444), page footers "Sida 1 av 7"
// (docplayer.se/69046967) and "1 av 10" (docplayer.se/68139444), a running header repeated
// on every page (docplayer.se/2903106). Each detector gives findings on a passage's plain
// text; a fix is offered as safe only where the repair is certain.
import type { Speller } from '../spelling/hunspell.js';
import type { Repair } from './repair.js';
import type { OcrFinding } from './scan.js';
import { MAX_WORD_LENGTH } from '../spelling/words.js';

const LIGATURES: Readonly<Record<string, string>> = {
  '\u{FB00}': 'ff',
  '\u{FB01}': 'fi',
  '\u{FB02}': 'fl',
  '\u{FB03}': 'ffi',
  '\u{FB04}': 'ffl',
  '\u{FB05}': 'st',
  '\u{FB06}': 'st',
};
const LIGATURE = /[\u{FB00}-\u{FB06}]/u;
const SOFT_HYPHEN = '\u00AD';
const GLYPH = /[\u00AD\u{FB00}-\u{FB06}]/u;
const COORDINATORS = /^(?:och|eller|respektive|resp|samt|som|liksom|till|men|än|o)$/iu;

const finding = (text: string, start: number, end: number, repair: Repair): OcrFinding => ({ start, end, word: text.slice(start, end), repair });
const safe = (kind: Repair['kind'], replacement: string): Repair => ({ kind, replacement, suggestions: [replacement] });
const offered = (kind: Repair['kind'], suggestion?: string): Repair => ({ kind, suggestions: suggestion === undefined ? [] : [suggestion] });

/** Words with a ligature glyph or a soft hyphen inside: both are certain to go ("ﬁnansiering"). */
function glyphs(text: string): OcrFinding[] {
  const out: OcrFinding[] = [];
  if (!GLYPH.test(text)) return out;
  // Anchored at a word start, so a long run of letters is scanned once, not once per letter.
  for (const m of text.matchAll(/(?<![\p{L}\u00AD\u{FB00}-\u{FB06}])\p{L}*[\u00AD\u{FB00}-\u{FB06}][\p{L}\u00AD\u{FB00}-\u{FB06}]*/gu)) {
    const word = m[0];
    const fixed = [...word].map((c) => (c === SOFT_HYPHEN ? '' : (LIGATURES[c] ?? c))).join('');
    if (fixed === word || !fixed) continue;
    out.push(finding(text, m.index, m.index + word.length, safe(LIGATURE.test(word) ? 'ligature' : 'soft-hyphen', fixed)));
  }
  return out;
}

/**
 * Hyphenation a PDF left in the text: at a line end ("kommun-\nfullmäktige") or mid-word
 * once the line break is gone ("kommunfull-mäktiges"). Joined only when the joined word is
 * in the dictionary (mid-word: and the hyphenated one is not); after an abbreviation the hyphen stays
 * ("EU-\nprojekt" → "EU-projekt"). "Vänorts- och partnerskapssamarbetet" is left alone.
 */
function hyphenation(text: string, speller: Speller): OcrFinding[] {
  const out: OcrFinding[] = [];
  // Both expressions below need a hyphen; most passages have none (and the scan is costly).
  if (!text.includes('-')) return out;
  for (const m of text.matchAll(/(?<![\p{L}-])(\p{L}+)-([ \t]*\r?\n[ \t>]*|[ \t])(\p{Ll}\p{L}*)/gu)) {
    const [whole, head, gap, tail] = m as unknown as [string, string, string, string];
    if (head.length + tail.length > MAX_WORD_LENGTH || COORDINATORS.test(tail)) continue;
    const hyphenated = `${head}-${tail}`;
    const joined = /^\p{Lu}{2,}$/u.test(head) ? hyphenated : head + tail;
    if (!speller.correct(joined)) continue;
    // Across a line break the hyphen is the PDF's; within a line ("kommun- fullmäktige") it
    // may be an open compound, so only offered.
    const repair = gap.includes('\n') ? safe('hyphenation', joined) : offered('hyphenation', joined);
    out.push(finding(text, m.index, m.index + whole.length, repair));
  }
  for (const m of text.matchAll(/(?<![\p{L}-])(\p{Ll}\p{L}*)-(\p{Ll}\p{L}*)(?![\p{L}-])/gu)) {
    const [whole, head, tail] = m as unknown as [string, string, string];
    if (whole.length > MAX_WORD_LENGTH || head.length < 2 || tail.length < 2 || speller.correct(whole)) continue;
    if (!speller.correct(head + tail)) continue;
    out.push(finding(text, m.index, m.index + whole.length, safe('hyphenation', head + tail)));
  }
  return out;
}

/** "EUprojekt", "ESFrådet": an abbreviation glued to the word it forms a compound with. */
function lostHyphen(text: string, speller: Speller): OcrFinding[] {
  const out: OcrFinding[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])(\p{Lu}{2,5})(\p{Ll}{3,})(?![\p{L}\p{N}])/gu)) {
    const [whole, abbreviation, rest] = m as unknown as [string, string, string];
    if (whole.length > MAX_WORD_LENGTH || speller.correct(whole) || !speller.correct(rest)) continue;
    out.push(finding(text, m.index, m.index + whole.length, safe('lost-hyphen', `${abbreviation}-${rest}`)));
  }
  return out;
}

/** "organisationn", "tilllämpning": a letter doubled by extraction, where one fewer is the word. */
function doubledLetters(text: string, speller: Speller): OcrFinding[] {
  const out: OcrFinding[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])/gu)) {
    const word = m[0];
    if (word.length > MAX_WORD_LENGTH) continue; // not a word; never sent to the dictionary
    if (!repeatsCharacter(word)) continue; // most words: neither expression below can match
    const tripled = /(\p{L})\1\1/u.exec(word);
    const doubledEnd = /(\p{Ll})\1$/u.exec(word);
    if (!tripled && !(doubledEnd && word.length >= 6)) continue;
    if (speller.correct(word)) continue;
    const fixed = tripled ? word.slice(0, tripled.index) + word.slice(tripled.index + 1) : word.slice(0, -1);
    if (!speller.correct(fixed)) continue;
    out.push(finding(text, m.index, m.index + word.length, safe('doubled-letter', fixed)));
  }
  return out;
}

/**
 * Whether two neighbouring UTF-16 units are equal, or the word has a letter beyond the BMP:
 * without either no letter is doubled or tripled.
 */
function repeatsCharacter(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit === word.charCodeAt(i - 1) || (unit >= 0xd800 && unit <= 0xdfff)) return true;
  }
  return false;
}

/**
 * "m å l  o c h  a m b i t i o n e r": a letter-spaced heading, letters apart and words
 * two spaces apart. Safe to close up when every word it gives is in the dictionary.
 */
function letterSpaced(text: string, speller: Speller): OcrFinding[] {
  const out: OcrFinding[] = [];
  for (const m of text.matchAll(/(?<!\S)\p{L}(?: {1,3}\p{L}){4,}(?!\S)/gu)) {
    const run = m[0];
    const words = run.split(/ {2,}/u).map((w) => w.replace(/ /gu, ''));
    const allWords = words.every((w) => speller.correct(w) || speller.correct(w.toLowerCase()));
    // Without the double spaces the word breaks are unknown: at most a suggestion.
    const closed = words.join(' ');
    const sure = allWords && (words.length > 1 || / {2}/u.test(run) || speller.correct(closed)) && words.some((w) => w.length > 1);
    // Single letters without the double spaces between words ("punkterna a b c d e"): not a heading.
    if (!words.some((w) => w.length > 1) || (!sure && !/ {2}/u.test(run))) continue;
    out.push(finding(text, m.index, m.index + run.length, sure ? safe('letter-spaced', closed) : offered('letter-spaced', closed)));
  }
  return out;
}

// "Sidan 4 av 7", "Sida 1 av 7", "Sid. 3 (12)", "4 av 9", "2 (13)": a page number.
const PAGE_NUMBER = /(?<![\p{L}\p{N}])(?:sid(?:an|a)?\.?\s*)?\d{1,3}\s*(?:av\s*\d{1,3}|\(\s*\d{1,3}\s*\))(?![\p{L}\p{N}])/giu;
const WHOLE_PAGE_NUMBER = new RegExp(`^\\s*${PAGE_NUMBER.source}\\s*$`, 'iu');
const DIGIT = /[0-9]/u;
// Capitalised as a footer is; "se sidan 4 av 7" in a sentence is a reference.
const NAMED_PAGE = /^Sid/u;

/**
 * Page footers left in the text: a passage that is only a page number is removed safely;
 * "Sidan 4 av 7" inside a paragraph is offered for removal (it might be prose).
 */
function pageNumbers(text: string): OcrFinding[] {
  // Both expressions need a digit (\d is ASCII in them); most passages have none.
  if (!DIGIT.test(text)) return [];
  if (WHOLE_PAGE_NUMBER.test(text)) return [wholePassage(text, safe('page-furniture', ''))];
  const out: OcrFinding[] = [];
  for (const m of text.matchAll(PAGE_NUMBER)) {
    // Bare "4 av 9" inside prose is a quantity ("4 av 9 kommuner"); only "Sidan …" is a footer.
    if (!NAMED_PAGE.test(m[0])) continue;
    out.push(finding(text, m.index, m.index + m[0].length, offered('page-furniture')));
  }
  return out;
}

/** PDF-extraction damage in one passage, in text order (overlaps resolved: first wins). */
export function pdfDamage(text: string, speller: Speller, repeatedHeader = false): OcrFinding[] {
  const all = [
    ...glyphs(text),
    ...pageNumbers(text),
    ...(repeatedHeader ? [wholePassage(text, offered('page-furniture'))] : []),
    ...letterSpaced(text, speller),
    ...hyphenation(text, speller),
    ...lostHyphen(text, speller),
    ...doubledLetters(text, speller),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: OcrFinding[] = [];
  for (const f of all) if (!out.length || f.start >= out[out.length - 1]!.end) out.push(f);
  return out;
}

/** The passage without surrounding white space as one finding. */
function wholePassage(text: string, repair: Repair): OcrFinding {
  return finding(text, text.length - text.trimStart().length, text.trimEnd().length, repair);
}

/** The form in which passages are compared for repetition. */
export const lineKey = (line: string) => line.replace(/\s+/gu, ' ').trim().toLowerCase();

// A running header: a short passage repeated this often in one document.
const MIN_REPEATS = 3;
export const MAX_HEADER_LENGTH = 100;

/** A short passage as a running header would be counted: its lineKey, and whether it may be one (two words of letters). */
export interface HeaderCandidate {
  key: string;
  counts: boolean;
}

export function headerCandidate(text: string): HeaderCandidate | undefined {
  if (text.length > MAX_HEADER_LENGTH) return undefined;
  return { key: lineKey(text), counts: /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(text) };
}

/**
 * Running headers: the keys of short passages seen at least MIN_REPEATS times (a document title
 * printed at the top of every page). Every occurrence after the first is page furniture.
 */
export function repeatedKeys(candidates: readonly (HeaderCandidate | undefined)[]): Set<string> {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c?.counts) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= MIN_REPEATS).map(([k]) => k));
}
