import type { Check, CheckContext } from './context.js';
import { format, memo, message } from './context.js';
import type { Speller } from '../spelling/hunspell.js';
import { checkPassages, type WordFindings } from '../spelling/check.js';
import type { Fix, Finding, OffsetRange } from '../types.js';

/**
 * The document's running text for the word rules: one plain-text passage per block (its
 * sentences joined by a space), with the source offset of each character. Passages are
 * separated by a blank line in `text`, so the OCR profile sees paragraphs.
 */
interface Passage {
  text: string;
  /** Offset of the passage in the joined plain text (for the diacritic profile). */
  at: number;
  /** Source offset of each character of `text`; -1 for the spaces joining sentences. */
  offsets: Int32Array;
}

interface PlainText {
  text: string;
  passages: Passage[];
}

function plainText(ctx: CheckContext): PlainText {
  return memo(ctx, 'plain-text', () => {
    const passages: Passage[] = [];
    const sentences = ctx.doc.sentences;
    let length = 0;
    for (let first = 0; first < sentences.length; ) {
      // One passage per run of sentences in the same block, joined by a space.
      let last = first;
      let size = sentences[first]!.text.length;
      while (last + 1 < sentences.length && sentences[last + 1]!.block === sentences[first]!.block) size += 1 + sentences[++last]!.text.length;
      const offsets = new Int32Array(size);
      const parts: string[] = [];
      let at = 0;
      for (let k = first; k <= last; k++) {
        const s = sentences[k]!;
        if (k > first) offsets[at++] = -1;
        parts.push(s.text);
        for (let i = 0; i < s.offsets.length; i++) offsets[at + i] = s.base + s.offsets[i]!;
        at += s.text.length;
      }
      passages.push({ text: parts.join(' '), at: length, offsets });
      length += size + 2;
      first = last + 1;
    }
    return { text: passages.map((p) => p.text).join('\n\n'), passages };
  });
}

function toSource(passage: Passage, start: number, end: number): OffsetRange {
  return { start: passage.offsets[start]!, end: passage.offsets[Math.max(start, end - 1)]! + 1 };
}

export function speller(ctx: CheckContext): Speller | undefined {
  return ctx.memo.get('service:speller') as Speller | undefined;
}

interface PassageFindings extends WordFindings {
  passage: Passage;
}

/** Both word rules, passage by passage (see checkPassages); editors reuse unchanged passages. */
function wordFindings(ctx: CheckContext): PassageFindings[] | undefined {
  const sp = speller(ctx);
  if (!sp) return undefined;
  return memo(ctx, 'word-findings', () => {
    const plain = plainText(ctx);
    const userWords = new Set([...ctx.ruleSet.words, ...ctx.words]);
    const cache = ctx.blockCache;
    const found = checkPassages(plain.passages, plain.text, sp, userWords, cache ? <T>(key: string, compute: () => T): T => cache.get(key, compute) : undefined);
    return found.map((f, i) => ({ ...f, passage: plain.passages[i]! }));
  });
}

export const checkSpelling: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  // Suggestions are computed on demand by front ends (Hunspell's suggest is slow).
  return found.flatMap(({ passage, spelling }) =>
    spelling.map((m) => ({ ruleId: rule.id, range: toSource(passage, m.start, m.end), message: message(rule, 'unknown', { word: m.word }), data: { word: m.word } })),
  );
};

export const checkOcr: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  const located = found.flatMap(({ passage, ocr }) => ocr.map((f) => ({ f, range: toSource(passage, f.start, f.end) })));
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
