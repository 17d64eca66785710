import type { PolicyDocument } from '../document/parse.js';
import type { PatternCache } from '../match/pattern.js';
import { findFirst } from '../match/pattern.js';
import type { OffsetRange } from '../types.js';

/** One metadata value, wherever it was written: front matter, table or "Label: value". */
export interface MetadataValue {
  key: string;
  value: string;
  raw: unknown;
  range: OffsetRange;
  origin: 'front-matter' | 'table' | 'list' | 'lines';
  /** Where the label was written (absent for front matter). */
  labelRange?: OffsetRange;
}

/** How far down a metadata table or list may stand and still be "at the top". */
function headEnd(doc: PolicyDocument): number {
  const [first, second] = doc.headings;
  const sectionStart = first && first.depth === 1 ? second?.start : first?.start;
  const blockLimit = doc.blocks[Math.min(doc.blocks.length - 1, 14)]?.end ?? doc.text.length;
  return Math.min(sectionStart ?? doc.text.length, blockLimit);
}

/**
 * Where a label-per-line block (label on one line, its value on the next) may stand: the
 * head of the document, before the first real section heading. Pseudo-headings do not end it:
 * in PDF text the labels themselves look like short heading lines.
 */
function linesEnd(doc: PolicyDocument): number {
  const section = doc.headings.find((h, i) => !h.pseudo && (h.depth >= 2 || i > 0));
  const blockLimit = doc.blocks[Math.min(doc.blocks.length - 1, 30)]?.end ?? doc.text.length;
  return Math.min(section?.start ?? doc.text.length, blockLimit);
}

const LABEL_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:|]{1,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+?)\s*$/;

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
    const clean = label.replace(/[:*_#]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (!clean || clean.length > 60) return undefined;
    for (const [key, list] of Object.entries(labels)) {
      const m = findFirst(patterns.get(list), clean);
      if (m && m.index === 0 && m.end === clean.length) return key;
    }
    return undefined;
  };
  const put = (key: string | undefined, value: string, range: OffsetRange, origin: MetadataValue['origin'], labelRange?: OffsetRange): void => {
    const v = value.trim();
    if (!key || !v || out.has(key)) return;
    const entry: MetadataValue = { key, value: v, raw: v, range, origin };
    if (labelRange) entry.labelRange = labelRange;
    out.set(key, entry);
  };
  const limit = headEnd(doc);

  for (const table of doc.tables) {
    const rows = table.rows;
    // A table further down counts when it is a metadata block: two or more known labels.
    if (table.start > limit && rows.flat().filter((c) => keyOf(c.text)).length < 2) continue;
    // Label | value pairs in each row, the first row included (it is often data, not a header):
    // "| Beslutad av | KF | Datum | 2024-02-14 |" holds two pairs.
    for (const row of rows) {
      for (let i = 0; i + 1 < row.length; i++) {
        const key = keyOf(row[i]!.text);
        if (!key || keyOf(row[i + 1]!.text)) continue;
        put(key, row[i + 1]!.text, row[i + 1]!, 'table', row[i]!);
        i++;
      }
    }
    // Header row of labels, one row of values below.
    if (rows.length >= 2) {
      rows[0]!.forEach((label, i) => {
        const value = rows[1]![i];
        if (value && !keyOf(value.text)) put(keyOf(label.text), value.text, value, 'table', label);
      });
    }
  }

  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    const slice = doc.text.slice(block.start, block.end);
    const lineRe = /[^\r\n]+/g;
    const found: [string, string, OffsetRange, OffsetRange][] = [];
    for (let l = lineRe.exec(slice); l; l = lineRe.exec(slice)) {
      const line = l[0];
      const m = LABEL_LINE.exec(line);
      if (!m) continue;
      const key = keyOf(m[1]!);
      if (!key) continue;
      const labelStart = block.start + l.index + line.indexOf(m[1]!);
      const valueStart = block.start + l.index + line.lastIndexOf(m[2]!);
      found.push([key, m[2]!.replace(/\*\*|__/g, ''), { start: valueStart, end: valueStart + m[2]!.length }, { start: labelStart, end: labelStart + m[1]!.length }]);
    }
    // Past the head only a block of labelled lines counts ("Dokumentinformation" at the end).
    if (block.start > limit && found.length < 2) continue;
    for (const [key, value, range, label] of found) put(key, value, range, 'list', label);
  }

  labelPerLine(doc, keyOf, put);
  return out;
}

/**
 * "Beslutad av" on one line and "Kommunfullmäktige" on the next: metadata as PDF
 * conversions and copied web pages leave it, within a paragraph or as one-line paragraphs.
 */
function labelPerLine(doc: PolicyDocument, keyOf: (label: string) => string | undefined, put: (key: string | undefined, value: string, range: OffsetRange, origin: MetadataValue['origin'], labelRange?: OffsetRange) => void): void {
  const end = linesEnd(doc);
  const lines: { text: string; start: number }[] = [];
  const lineRe = /[^\r\n]+/g;
  const head = doc.text.slice(doc.bodyStart, end);
  for (let l = lineRe.exec(head); l; l = lineRe.exec(head)) {
    const text = l[0].replace(/^\s*(?:[-*+]\s+)?/, '').replace(/\s+$/, '');
    if (text.trim()) lines.push({ text, start: doc.bodyStart + l.index + (l[0].length - l[0].trimStart().length) });
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    const label = lines[i]!.text.replace(/\*\*|__/g, '').replace(/:\s*$/, '');
    if (label.includes(':') || label.includes('|') || label.startsWith('#')) continue;
    const key = keyOf(label);
    if (!key) continue;
    const next = lines[i + 1]!;
    if (next.text.startsWith('#') || next.text.includes('|') || keyOf(next.text.replace(/:\s*$/, ''))) continue;
    const value = next.text.replace(/\*\*|__/g, '');
    put(key, value, { start: next.start, end: next.start + next.text.length }, 'lines', { start: lines[i]!.start, end: lines[i]!.start + lines[i]!.text.length });
    i++;
  }
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
