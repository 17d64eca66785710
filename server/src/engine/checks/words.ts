import type { Check, CheckContext } from './context.js';
import { format, memo, message } from './context.js';
import type { Speller } from '../spelling/hunspell.js';
import { checkWords, type WordFindings } from '../spelling/check.js';
import { findDefinedAbbreviations } from '../spelling/words.js';
import type { Fix, Finding, OffsetRange } from '../types.js';

/**
 * The document's running text as one plain string for the word rules, with the source
 * offset of each character: blocks are separated by a blank line (so the OCR profile sees
 * paragraphs), sentences of a block by a space.
 */
interface PlainText {
  text: string;
  offsets: Int32Array;
}

function plainText(ctx: CheckContext): PlainText {
  return memo(ctx, 'plain-text', () => {
    const parts: string[] = [];
    const offsets: number[] = [];
    let lastBlock = -1;
    for (const s of ctx.doc.sentences) {
      const sep = lastBlock === -1 ? '' : s.block === lastBlock ? ' ' : '\n\n';
      for (let i = 0; i < sep.length; i++) offsets.push(-1);
      parts.push(sep, s.text);
      for (let i = 0; i < s.offsets.length; i++) offsets.push(s.base + s.offsets[i]!);
      lastBlock = s.block;
    }
    return { text: parts.join(''), offsets: Int32Array.from(offsets) };
  });
}

function toSource(plain: PlainText, start: number, end: number): OffsetRange {
  return { start: plain.offsets[start]!, end: plain.offsets[Math.max(start, end - 1)]! + 1 };
}

export function speller(ctx: CheckContext): Speller | undefined {
  return ctx.memo.get('service:speller') as Speller | undefined;
}

/** Both word rules share one pass over the text: a word is either a misspelling or OCR damage. */
function wordFindings(ctx: CheckContext): WordFindings | undefined {
  const sp = speller(ctx);
  if (!sp) return undefined;
  return memo(ctx, 'word-findings', () => {
    const plain = plainText(ctx);
    const userWords = new Set([...ctx.ruleSet.words, ...ctx.words]);
    return checkWords(plain.text, sp, { userWords, definedAbbreviations: findDefinedAbbreviations(plain.text) });
  });
}

export const checkSpelling: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  const plain = plainText(ctx);
  // Suggestions are computed on demand by front ends (Hunspell's suggest is slow).
  return found.spelling.map((m) => ({ ruleId: rule.id, range: toSource(plain, m.start, m.end), message: message(rule, 'unknown', { word: m.word }), data: { word: m.word } }));
};

export const checkOcr: Check = (rule, ctx) => {
  const found = wordFindings(ctx);
  if (!found) return [];
  const plain = plainText(ctx);
  const findings: Finding[] = [];
  const safeEdits = found.ocr
    .filter((f) => f.repair.replacement !== undefined && f.repair.replacement !== f.word)
    .map((f) => ({ ...toSource(plain, f.start, f.end), text: f.repair.replacement!, length: f.word.length }))
    // A word that spans markup cannot be replaced as one edit.
    .filter((e) => e.end - e.start === e.length)
    .map(({ start, end, text }) => ({ start, end, text }));
  const restoreAll: Fix | undefined = safeEdits.length > 1
    ? { title: format({ sv: 'Återställ svenska tecken i hela dokumentet ({n} ord)', en: 'Restore Swedish characters in the whole document ({n} words)' }, { n: String(safeEdits.length) }), edits: safeEdits, safe: false }
    : undefined;
  for (const f of found.ocr) {
    const range = toSource(plain, f.start, f.end);
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
    findings.push({
      ruleId: rule.id,
      range,
      message: message(rule, key, { word: f.word, replacement: replacement ?? '', suggestions: f.repair.suggestions.slice(0, 3).join(', ') }),
      fixes,
      data: { word: f.word, kind: f.repair.kind },
    });
  }
  return findings;
};
