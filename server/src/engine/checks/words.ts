import type { Check, CheckContext } from './context.js';
import { format, memo, message } from './context.js';
import type { Speller } from '../spelling/hunspell.js';
import { checkPassages, type WordFindings } from '../spelling/check.js';
import type { Fix, Finding, OffsetRange } from '../types.js';
import type { Sentence } from '../document/sentences.js';

/**
 * The document's running text for the word rules: one plain-text passage per block, its
 * sentences joined by a space, with the chunk-relative source offset of each character
 * (-1 for the joining spaces). A block lies inside one parsed chunk, so in an editor an
 * unchanged block keeps the same Passage object from edit to edit, and the word rules'
 * results are cached on it.
 */
interface Passage {
  text: string;
  offsets: Int32Array;
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
  let at = 0;
  sentences.forEach((s, k) => {
    if (k > 0) offsets[at++] = -1;
    offsets.set(s.offsets, at);
    at += s.text.length;
  });
  return { text: sentences.map((s) => s.text).join(' '), offsets };
}

function passages(ctx: CheckContext): PlacedPassage[] {
  return memo(ctx, 'passages', () => {
    const out: PlacedPassage[] = [];
    const sentences = ctx.doc.sentences;
    for (let first = 0; first < sentences.length; ) {
      // One passage per run of sentences in the same block.
      let last = first;
      while (last + 1 < sentences.length && sentences[last + 1]!.block === sentences[first]!.block) last++;
      const run = sentences.slice(first, last + 1);
      const head = run[0]!;
      const passage = ctx.blockCache ? ctx.blockCache.forSentence(head, 'passage', () => buildPassage(run)) : buildPassage(run);
      out.push({ passage, base: head.base });
      first = last + 1;
    }
    return out;
  });
}

function toSource({ passage, base }: PlacedPassage, start: number, end: number): OffsetRange {
  return { start: base + passage.offsets[start]!, end: base + passage.offsets[Math.max(start, end - 1)]! + 1 };
}

export function speller(ctx: CheckContext): Speller | undefined {
  return ctx.memo.get('service:speller') as Speller | undefined;
}

interface PassageFindings extends WordFindings {
  placed: PlacedPassage;
}

/** Both word rules, passage by passage (see checkPassages); editors reuse unchanged passages. */
function wordFindings(ctx: CheckContext): PassageFindings[] | undefined {
  const sp = speller(ctx);
  if (!sp) return undefined;
  return memo(ctx, 'word-findings', () => {
    const placed = passages(ctx);
    const userWords = new Set([...ctx.ruleSet.words, ...ctx.words]);
    const cache = ctx.blockCache;
    const found = checkPassages(
      placed.map((p) => p.passage),
      sp,
      userWords,
      cache ? <T>(passage: object, key: string, compute: () => T): T => cache.forObject(passage, key, compute) : undefined,
    );
    return found.map((f, i) => ({ ...f, placed: placed[i]! }));
  });
}

export const checkSpelling: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  // Suggestions are computed on demand by front ends (Hunspell's suggest is slow).
  return found.flatMap(({ placed, spelling }) =>
    spelling.map((m) => ({ ruleId: rule.id, range: toSource(placed, m.start, m.end), message: message(rule, 'unknown', { word: m.word }), data: { word: m.word } })),
  );
};

export const checkOcr: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  const located = found.flatMap(({ placed, ocr }) => ocr.map((f) => ({ f, range: toSource(placed, f.start, f.end) })));
  // A word that spans markup ("**Ma**let") cannot be replaced as one edit.
  const replaceable = located.filter(({ f, range }) => range.end - range.start === f.word.length);
  const safeEdits = replaceable
    .filter(({ f }) => f.repair.replacement !== undefined && f.repair.replacement !== f.word)
    .map(({ f, range }) => ({ ...range, text: f.repair.replacement! }));
  const restoreAll: Fix | undefined = safeEdits.length > 1
    ? { title: format({ sv: 'Återställ svenska tecken i hela dokumentet ({n} ord)', en: 'Restore Swedish characters in the whole document ({n} words)' }, { n: String(safeEdits.length) }), edits: safeEdits, safe: false }
    : undefined;
  return located.map(({ f, range }) => {
    const contiguous = range.end - range.start === f.word.length;
    const fixes: Fix[] = [];
    const replacement = f.repair.replacement;
    if (replacement && contiguous) {
      fixes.push({ title: format({ sv: 'Ersätt med "{w}"', en: 'Replace with "{w}"' }, { w: replacement }), edits: [{ ...range, text: replacement }], safe: true });
    }
    if (contiguous) {
      for (const s of f.repair.suggestions.filter((s) => s !== replacement).slice(0, 5)) {
        fixes.push({ title: format({ sv: 'Ersätt med "{w}"', en: 'Replace with "{w}"' }, { w: s }), edits: [{ ...range, text: s }], safe: false });
      }
    }
    if (restoreAll) fixes.push(restoreAll);
    const key = replacement ? 'repair' : f.repair.suggestions.length ? 'suggest' : 'damaged';
    const finding: Finding = {
      ruleId: rule.id,
      range,
      message: message(rule, key, { word: f.word, replacement: replacement ?? '', suggestions: f.repair.suggestions.slice(0, 3).join(', ') }),
      fixes,
      data: { word: f.word, kind: f.repair.kind },
    };
    return finding;
  });
};
