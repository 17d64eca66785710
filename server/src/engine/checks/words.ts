import type { Check, CheckContext } from './context.js';
import { format, memo, message } from './context.js';
import type { Speller } from '../spelling/hunspell.js';
import { checkPassages, type WordFindings } from '../spelling/check.js';
import { textMemo } from '../spelling/passageMemo.js';
import { RecentCache } from '../spelling/recentCache.js';
import type { Bilingual, Fix, Finding, OffsetRange, TextEdit } from '../types.js';
import type { RuleDefinition } from '../rules/model.js';
import type { OcrFinding } from '../ocr/scan.js';
import { messageKeyFor } from '../ocr/repair.js';
import type { Sentence } from '../document/sentences.js';
import { MARK } from '../document/inlineText.js';

/**
 * The document's running text for the word rules: one plain-text passage per block, its
 * sentences joined by a space, with the chunk-relative source offset of each character
 * (-1 for the joining spaces). URLs, e-mail addresses and code are blanked out: they are not
 * words. A block lies inside one parsed chunk, so in an editor an unchanged block keeps the
 * same Passage object from edit to edit, and the word rules' results are cached on it.
 */
interface Passage {
  text: string;
  offsets: Int32Array;
  marks: Uint8Array;
}

/** A passage where it is in this version of the document. */
interface PlacedPassage {
  passage: Passage;
  /** Added to `passage.offsets` (the position of its chunk). */
  base: number;
}

function buildPassage(sentences: readonly Sentence[]): Passage {
  let size = sentences.length - 1;
  for (const s of sentences) size += s.text.length;
  const offsets = new Int32Array(size);
  const marks = new Uint8Array(size);
  let at = 0;
  sentences.forEach((s, k) => {
    if (k > 0) offsets[at++] = -1;
    offsets.set(s.offsets, at);
    marks.set(s.marks, at);
    at += s.text.length;
  });
  const joined = sentences.map((s) => s.text).join(' ');
  // A loop, not marks.some(callback): this runs over every character of the document.
  let literal = false;
  for (let i = 0; i < size && !literal; i++) literal = (marks[i]! & MARK.literal) !== 0;
  const text = literal ? joined.replace(/./gsu, (c, i: number) => (marks[i]! & MARK.literal ? ' '.repeat(c.length) : c)) : joined;
  return { text, offsets, marks };
}

/**
 * Can the passage's characters `start`..`end` be replaced: `prose` when they are a plain copy
 * of the source in ordinary prose, `quoted` in a quotation (offer, never apply), else `no`.
 */
function replaceable(passage: Passage, start: number, end: number): 'prose' | 'quoted' | 'no' {
  let marks = 0;
  for (let k = start; k < end; k++) marks |= passage.marks[k]!;
  if (marks & (MARK.literal | MARK.rewritten)) return 'no';
  if (passage.offsets[end - 1]! - passage.offsets[start]! !== end - start - 1) return 'no';
  return marks & MARK.quoted ? 'quoted' : 'prose';
}

function passages(ctx: CheckContext): PlacedPassage[] {
  return memo(ctx, 'passages', () => {
    const out: PlacedPassage[] = [];
    const sentences = ctx.doc.sentences;
    for (let first = 0; first < sentences.length;) {
      // One passage per run of sentences in the same block.
      let last = first;
      while (last + 1 < sentences.length && sentences[last + 1]!.block === sentences[first]!.block) last++;
      const head = sentences[first]!;
      // The run is copied only when its passage is built (an editor has most of them cached).
      const end = last + 1;
      const build = () => buildPassage(sentences.slice(first, end));
      const passage = ctx.blockCache ? ctx.blockCache.forSentence(head, 'passage', build) : build();
      out.push({ passage, base: head.base });
      first = last + 1;
    }
    return out;
  });
}

function toSource({ passage, base }: PlacedPassage, start: number, end: number): OffsetRange {
  return { start: base + passage.offsets[start]!, end: base + passage.offsets[Math.max(start, end - 1)]! + 1 };
}

function speller(ctx: CheckContext): Speller | undefined {
  return ctx.memo.get('service:speller') as Speller | undefined;
}

interface PassageFindings extends WordFindings {
  placed: PlacedPassage;
}

/**
 * Both word rules, passage by passage (see checkPassages); editors reuse unchanged passages,
 * the CLI the results of a paragraph an earlier draft had too.
 */
function wordFindings(ctx: CheckContext): PassageFindings[] | undefined {
  const sp = speller(ctx);
  if (!sp) return undefined;
  return memo(ctx, 'word-findings', () => {
    const placed = passages(ctx);
    const userWords = acceptedWords(ctx);
    const cache = ctx.blockCache;
    const found = checkPassages(
      placed.map((p) => p.passage),
      sp,
      userWords,
      cache ? <T>(passage: object, key: string, compute: () => T): T => cache.forObject(passage, key, compute) : textMemo(sp),
    );
    // Field by field: object spread is slow on thousands of passages per keystroke.
    return found.map((f, i): PassageFindings => ({ spelling: f.spelling, ocr: f.ocr, budgetSpent: f.budgetSpent === true, placed: placed[i]! }));
  });
}

const acceptedSets = new WeakMap<readonly string[], WeakMap<readonly string[], ReadonlySet<string>>>();
const equalLists = new RecentCache<string, ReadonlySet<string>>(16);

/**
 * The rule set's and the configuration's accepted words as one set, the same object for as
 * long as both lists are (per-passage results are cached under its identity).
 */
function acceptedWords(ctx: CheckContext): ReadonlySet<string> {
  let byConfig = acceptedSets.get(ctx.ruleSet.words);
  if (!byConfig) acceptedSets.set(ctx.ruleSet.words, (byConfig = new WeakMap()));
  let words = byConfig.get(ctx.words);
  if (!words) {
    // A configuration read afresh for each file lists the same words in a new array: one set
    // for equal lists, so that a paragraph's results carry over from file to file.
    const list = [...ctx.ruleSet.words, ...ctx.words];
    const content = JSON.stringify(list);
    words = equalLists.get(content);
    if (!words) equalLists.set(content, (words = new Set(list)));
    byConfig.set(ctx.words, words);
  }
  return words;
}

export const checkSpelling: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  // Suggestions are computed on demand by front ends (Hunspell's suggest is slow).
  return found.flatMap(({ placed, spelling }) =>
    spelling.map((m): Finding => {
      const finding: Finding = { ruleId: rule.id, range: toSource(placed, m.start, m.end), message: message(rule, m.name ? 'name' : 'unknown', { word: m.word }), data: { word: m.word } };
      // A likely name of a place or organisation abroad: a note, not a warning.
      if (m.name) finding.severity = 'info';
      return finding;
    }),
  );
};

/** An OCR finding with everything that does not depend on where its passage is now. */
interface OcrItem {
  /** Source range with the passage's chunk at offset 0. */
  at: OffsetRange;
  /** The range covers the word alone (not "**Ma**let" across markup, nor in a quotation): it can be replaced. */
  contiguous: boolean;
  /** The word as it stands in the source. */
  word: string;
  /** The confident repair, when it changes the word. */
  repair?: string;
  message: Finding['message'];
  data: Record<string, unknown>;
  fixes: { title: Bilingual; text: string; safe: boolean }[];
}

function ocrItems(rule: RuleDefinition, passage: Passage, ocr: readonly OcrFinding[]): OcrItem[] {
  return ocr.map((f) => {
    const at = toSource({ passage, base: 0 }, f.start, f.end);
    // Only a plain copy of the word can be replaced (not across markup or through an escape),
    // and a quotation keeps its words unless the official chooses the repair.
    const where = replaceable(passage, f.start, f.end);
    const contiguous = where !== 'no';
    const replacement = f.repair.replacement;
    const fixes: OcrItem['fixes'] = [];
    if (contiguous) {
      // An empty replacement removes the text (a page footer left in by the PDF conversion).
      const title = replacement === '' ? format({ sv: 'Ta bort "{w}"', en: 'Remove "{w}"' }, { w: f.word }) : format({ sv: 'Ersätt med "{w}"', en: 'Replace with "{w}"' }, { w: replacement ?? '' });
      if (replacement !== undefined) fixes.push({ title, text: replacement, safe: where === 'prose' });
      for (const s of f.repair.suggestions.filter((s) => s !== replacement).slice(0, 5)) {
        fixes.push({ title: format({ sv: 'Ersätt med "{w}"', en: 'Replace with "{w}"' }, { w: s }), text: s, safe: false });
      }
    }
    const key = messageKeyFor(f.repair);
    const item: OcrItem = {
      at,
      contiguous,
      word: f.word,
      message: message(rule, key, { word: f.word, replacement: replacement ?? '', suggestions: f.repair.suggestions.slice(0, 3).join(', '), length: String(f.word.length) }),
      data: { word: f.word, kind: f.repair.kind },
      fixes,
    };
    if (where === 'prose' && replacement !== undefined && replacement !== f.word) item.repair = replacement;
    return item;
  });
}

/**
 * Removing a line that stands alone between blank lines (a page footer) takes its line break
 * and one blank line along, so the paragraphs around it keep one blank line between them.
 */
function removal(text: string, range: OffsetRange, word: string): TextEdit {
  const after = /^[ \t]*\r?\n[ \t]*\r?\n/.exec(text.slice(range.end, range.end + 16));
  const ownLine = range.start === 0 || text[range.start - 1] === '\n';
  if (!after || !ownLine) return { start: range.start, end: range.end, text: '', expect: word };
  const end = range.end + after[0].length;
  return { start: range.start, end, text: '', expect: text.slice(range.start, end) };
}

export const checkOcr: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  const text = ctx.doc.text;
  const itemsKey = `ocr-items|${rule.id}`;
  const findings: Finding[] = [];
  // The edits of the confident repairs, for "restore all": the same objects as each
  // finding's first fix holds (a scanned draft has thousands; they are built once per lint).
  const repairs: TextEdit[] = [];
  for (const { placed, ocr } of found) {
    // Messages and fix titles of an unchanged paragraph are kept with its OCR results (editors):
    // only where they are changes on an edit.
    const items = ctx.blockCache ? ctx.blockCache.forObject(ocr, itemsKey, () => ocrItems(rule, placed.passage, ocr)) : ocrItems(rule, placed.passage, ocr);
    for (const item of items) {
      const range = { start: placed.base + item.at.start, end: placed.base + item.at.end };
      const fixes: Fix[] = [];
      for (const fix of item.fixes) {
        const edit = ocrEdit(text, range, fix.text, item.word);
        if (fixes.length === 0 && item.repair !== undefined) repairs.push(edit);
        fixes.push({ title: fix.title, edits: [edit], safe: fix.safe });
      }
      findings.push({ ruleId: rule.id, range, message: item.message, fixes, data: item.data });
    }
  }
  if (repairs.length > 1) {
    const restoreAll: Fix = {
      title: format({ sv: 'Återställ svenska tecken i hela dokumentet ({n} ord)', en: 'Restore Swedish characters in the whole document ({n} words)' }, { n: String(repairs.length) }),
      edits: repairs,
      safe: false,
    };
    for (const finding of findings) finding.fixes!.push(restoreAll);
  }
  // The search has a budget per document (hostile input must not hang the editor): when it
  // ran out, say so once, where the first unfinished paragraph starts, instead of going quiet.
  const cut = found.find((f) => f.budgetSpent && f.placed.passage.text.length > 0);
  if (cut) findings.push({ ruleId: rule.id, range: toSource(cut.placed, 0, 1), message: message(rule, 'budget') });
  return findings;
};

/** An edit that puts `replacement` in place of the word; an empty one removes it (see removal). */
function ocrEdit(text: string, range: OffsetRange, replacement: string, word: string): TextEdit {
  // Field by field: object spread here was most of the rule's time on a scanned draft.
  return replacement === '' ? removal(text, range, word) : { start: range.start, end: range.end, text: replacement, expect: word };
}
