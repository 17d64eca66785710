import type { PolicyDocument, TableCell } from '../document/parse.js';
import type { PatternCache } from '../match/pattern.js';
import { findFirst } from '../match/pattern.js';
import type { OffsetRange } from '../types.js';

/** One metadata value, wherever it was written: front matter, table or "Label: value". */
export interface MetadataValue {
  key: string;
  value: string;
  raw: unknown;
  range: OffsetRange;
  origin: 'front-matter' | 'table' | 'list';
}

/** How far down a metadata table or list may stand and still be "at the top". */
function headEnd(doc: PolicyDocument): number {
  const [first, second] = doc.headings;
  const sectionStart = first && first.depth === 1 ? second?.start : first?.start;
  const blockLimit = doc.blocks[Math.min(doc.blocks.length - 1, 14)]?.end ?? doc.text.length;
  return Math.min(sectionStart ?? doc.text.length, blockLimit);
}

export function extractMetadata(doc: PolicyDocument, labels: Record<string, string[]>, patterns: PatternCache): Map<string, MetadataValue> {
  const out = new Map<string, MetadataValue>();
  const fm = doc.frontMatter;
  if (fm) {
    for (const [key, raw] of Object.entries(fm.data)) {
      if (raw === null || raw === undefined || raw === '') continue;
      const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
      out.set(key.toLowerCase(), { key: key.toLowerCase(), value, raw, range: keyLine(doc.text, fm, key), origin: 'front-matter' });
    }
  }
  const keyOf = (label: string): string | undefined => {
    const clean = label.replace(/[:*_]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (!clean) return undefined;
    for (const [key, list] of Object.entries(labels)) {
      const m = findFirst(patterns.get(list), clean);
      if (m && m.index === 0 && m.end === clean.length) return key;
    }
    return undefined;
  };
  const put = (key: string | undefined, value: string, range: OffsetRange, origin: MetadataValue['origin']): void => {
    const v = value.trim();
    if (!key || !v || out.has(key)) return;
    out.set(key, { key, value: v, raw: v, range, origin });
  };
  const limit = headEnd(doc);

  for (const table of doc.tables) {
    if (table.start > limit) continue;
    const rows = table.rows;
    // Two columns: label | value in each row (the header row may be a pair too).
    if (rows.every((r) => r.length === 2)) {
      for (const [label, value] of rows as [TableCell, TableCell][]) put(keyOf(label.text), value.text, value, 'table');
    } else if (rows.length >= 2) {
      // Header row of labels, one row of values.
      rows[0]!.forEach((label, i) => {
        const value = rows[1]![i];
        if (value) put(keyOf(label.text), value.text, value, 'table');
      });
    }
  }

  for (const block of doc.blocks) {
    if (block.start > limit) break;
    if (block.kind !== 'paragraph') continue;
    const lineRe = /[^\r\n]+/g;
    const slice = doc.text.slice(block.start, block.end);
    for (let l = lineRe.exec(slice); l; l = lineRe.exec(slice)) {
      const line = l[0];
      const m = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:|]{1,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+?)\s*$/.exec(line);
      if (!m) continue;
      const valueStart = block.start + l.index + line.lastIndexOf(m[2]!);
      put(keyOf(m[1]!), m[2]!.replace(/\*\*|__/g, ''), { start: valueStart, end: valueStart + m[2]!.length }, 'list');
    }
  }
  return out;
}

/** The line of a front matter key ("giltig-till: 2020-12-31"), so findings point at it. */
function keyLine(text: string, fm: { start: number; end: number }, key: string): OffsetRange {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^[ \\t]*["']?${escaped}["']?[ \\t]*:.*$`, 'm').exec(text.slice(fm.start, fm.end));
  if (!m) return { start: fm.start, end: fm.end };
  return { start: fm.start + m.index + (m[0].length - m[0].trimStart().length), end: fm.start + m.index + m[0].trimEnd().length };
}


/** The document type: front matter or metadata `typ`, else a word in the title. */
export function detectDocumentType(metadata: Map<string, MetadataValue>, title: string): string | undefined {
  const norm = (s: string): string | undefined => {
    // "Policy för deltagande i EU-program" is a policy: the first type word is the head noun.
    const found = [...s.toLowerCase().matchAll(/(handlingsplan|plan|riktlinje|strategi|program|policy)/g)];
    const first = found[0]?.[1];
    return first === 'handlingsplan' ? 'plan' : first;
  };
  const declared = metadata.get('typ');
  if (declared) return norm(declared.value) ?? declared.value.toLowerCase();
  return norm(title);
}
