import type { DocumentTypesFile } from '../rules/model.js';
import type { BlockCache, PolicyDocument } from '../document/parse.js';
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

/**
 * The metadata key a label names, or undefined. Labels are tried pattern by pattern: an
 * alternation stops at the first alternative that matches, which may be a shorter label
 * ("Dokumentansvarig" in "Dokumentansvarig på politisk nivå"). Answers are kept per label
 * text: every capitalised word of a head line is a candidate, on every keystroke in an editor.
 */
function labelReader(labels: Record<string, string[]>, patterns: PatternCache): (label: string) => string | undefined {
  let reader = readers.get(labels);
  if (!reader) {
    const compiled = Object.entries(labels).flatMap(([key, list]) => list.map((pattern) => [key, patterns.get([pattern])] as const));
    const answers = new Map<string, string | undefined>();
    reader = (label: string): string | undefined => {
      const clean = label
        .replace(/[:*_#]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (!clean || clean.length > 60) return undefined;
      if (answers.has(clean)) return answers.get(clean);
      let found: string | undefined;
      for (const [key, re] of compiled) {
        const m = findFirst(re, clean);
        if (m && m.index === 0 && m.end === clean.length) {
          found = key;
          break;
        }
      }
      // Bounded: a long editing session must not grow without end.
      if (answers.size > 20_000) answers.clear();
      // A copy: `clean` may be a slice of the document, which the answer would keep alive.
      answers.set(Buffer.from(clean, 'utf16le').toString('utf16le'), found);
      return found;
    };
    readers.set(labels, reader);
  }
  return reader;
}

const readers = new WeakMap<Record<string, string[]>, (label: string) => string | undefined>();

/** `cache`: an editor's per-document cache; a block's labels are read again only when it changes. */
export function extractMetadata(doc: PolicyDocument, labels: Record<string, string[]>, patterns: PatternCache, cache?: BlockCache): Map<string, MetadataValue> {
  const out = new Map<string, MetadataValue>();
  const fm = doc.frontMatter;
  if (fm) {
    for (const [key, raw] of Object.entries(fm.data)) {
      if (raw === null || raw === undefined || raw === '') continue;
      // A list (`typ: [policy]`) reads as its items joined, as String() gives it.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
      out.set(key.toLowerCase(), { key: key.toLowerCase(), value, raw, range: keyLine(doc.text, fm, key), origin: 'front-matter' });
    }
  }
  const keyOf = labelReader(labels, patterns);
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
      // A row of labels is a header ("| Version | Beslut | Ändring |"), read below.
      if (row.filter((c) => keyOf(c.text)).length >= 2) continue;
      for (let i = 0; i + 1 < row.length; i++) {
        const key = keyOf(row[i]!.text);
        if (!key || keyOf(row[i + 1]!.text)) continue;
        put(key, row[i + 1]!.text, row[i + 1]!, 'table', row[i]);
        i++;
      }
    }
    // Header row of labels, values below; in a history table the last row is the latest.
    if (rows.length >= 2) {
      const latest = rows[rows.length - 1]!;
      rows[0]!.forEach((label, i) => {
        const value = latest[i]?.text.trim() ? latest[i] : rows[1]![i];
        if (value && !keyOf(value.text)) put(keyOf(label.text), value.text, value, 'table', label);
      });
    }
  }

  const head = linesEnd(doc);
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    const slice = doc.text.slice(block.start, block.end);
    // Past the head a metadata block has "Label: value" lines; prose needs no label search.
    if (block.start > head && !slice.includes(':')) continue;
    const inHead = block.start < head;
    const relative = cache ? cache.forText(blockKey(keyOf, inHead), slice, (own) => labelsInBlock(own, inHead, keyOf)) : labelsInBlock(slice, inHead, keyOf);
    const found = relative.map((hit) => ({ ...hit, range: shift(hit.range, block.start), label: shift(hit.label, block.start) }));
    // Past the head only a block of labelled lines counts ("Dokumentinformation" at the end).
    if (block.start > limit && found.length < 2) continue;
    for (const hit of found) put(hit.key, hit.value, hit.range, 'list', hit.label);
  }

  labelPerLine(doc, keyOf, put);
  return out;
}

/** Labels in each line of a block, with ranges from the block's start. */
function labelsInBlock(slice: string, inHead: boolean, keyOf: (label: string) => string | undefined): LabelHit[] {
  const lineRe = /[^\r\n]+/g;
  const found: LabelHit[] = [];
  for (let l = lineRe.exec(slice); l; l = lineRe.exec(slice)) found.push(...labelsInLine(l[0], l.index, inHead, keyOf));
  return found;
}

const shift = (r: OffsetRange, by: number): OffsetRange => ({ start: r.start + by, end: r.end + by });

const blockKeys = new WeakMap<object, { head: object; body: object }>();

/** The cache key of a block's labels: the labels read (one reader per rule set) and where the block stands. */
function blockKey(keyOf: (label: string) => string | undefined, inHead: boolean): object {
  let keys = blockKeys.get(keyOf);
  if (!keys) blockKeys.set(keyOf, (keys = { head: {}, body: {} }));
  return inHead ? keys.head : keys.body;
}

interface LabelHit {
  key: string;
  value: string;
  range: OffsetRange;
  label: OffsetRange;
}

const ADOPTION_KEYS = new Set(['beslutad-av', 'beslutad', 'beslut']);

const MAX_LABEL_LINE = 2_000;

/** The text before `at`, less list and emphasis marks, ends a field (":" or "|"). */
function followsFieldEnd(line: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /[\s*_\-+•]/u.test(line[k]!)) k--;
  return k >= 0 && (line[k] === ':' || line[k] === '|');
}

const WORD = /[\p{L}\p{N}§][\p{L}\p{N}.§/-]*/gu;

/**
 * Labels in one line and the values between them: "Beslutad av: KF", "- **Dnr:** KS 2024/1",
 * "Beslutsinstans Kommunstyrelsen" (no colon), and run-on headers where a PDF conversion put
 * every field on one line ("Dokumenttyp Plan Antaget av: Regionstyrelsen Antaget: 2023-12-27").
 * A label starts the line or a capitalised word. One label without a colon counts only in a
 * short line of the document's head, so prose that opens with a label word stays prose.
 */
function labelsInLine(fullLine: string, offset: number, inHead: boolean, keyOf: (label: string) => string | undefined): LabelHit[] {
  // Labels stand near the start of a line: even a run-on PDF header is a few hundred
  // characters. A whole paragraph on one line is read no further than this.
  const line = fullLine.length > MAX_LABEL_LINE ? fullLine.slice(0, MAX_LABEL_LINE) : fullLine;
  const words = [...line.matchAll(WORD)];
  const hits: { key: string; start: number; end: number; colon: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // A label opens the line, a capitalised word or follows a field's end; "§" inside a value is no label.
    if (!(i === 0 || /^[\p{Lu}]/u.test(w[0]) || followsFieldEnd(line, w.index))) continue;
    for (let n = Math.min(6, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1]!;
      const end = last.index + last[0].length;
      const phrase = line.slice(w.index, end).replace(/\*\*|__/g, '');
      if (/[.,;]/.test(phrase.slice(0, -1).replace(/t\.o\.m|fr\.o\.m|dnr\./giu, ''))) continue;
      const key = keyOf(phrase.replace(/[.:]$/, ''));
      if (!key) continue;
      const colon = /^(?:\*\*|__)?\s*:/.test(line.slice(end)) || phrase.endsWith(':');
      hits.push({ key, start: w.index, end, colon });
      i += n - 1;
      break;
    }
  }
  if (hits.length === 0) return [];
  const short = words.length <= 10;
  const opens = hits[0]!.start === words[0]!.index;
  if (hits.length === 1 && !hits[0]!.colon && !(inHead && short && opens)) return [];
  // A lone label without a colon in a line that ends as a sentence is prose ("Ansvarig nämnd
  // ansvarar för …."), except an adoption line, which is written that way.
  if (hits.length === 1 && !hits[0]!.colon && /\.\s*$/.test(line) && !ADOPTION_KEYS.has(hits[0]!.key)) return [];
  // A lone label with a colon must open the line ("Syfte: …" in prose is not metadata).
  if (hits.length === 1 && !opens) return [];
  const out: LabelHit[] = [];
  hits.forEach((hit, k) => {
    const valueEnd = hits[k + 1]?.start ?? line.length;
    const raw = line.slice(hit.end, valueEnd);
    const lead = raw.length - raw.replace(/^(?:\*\*|__|[\s:–-])+/u, '').length;
    const value = raw
      .slice(lead)
      .replace(/\*\*|__/g, '')
      .replace(/[\s,;|.]+$/u, '');
    if (!value) return;
    const start = offset + hit.end + lead;
    out.push({ key: hit.key, value, range: { start, end: start + value.length }, label: { start: offset + hit.start, end: offset + hit.end } });
  });
  return out;
}

/**
 * "Beslutad av" on one line and "Kommunfullmäktige" on the next: metadata as PDF
 * conversions and copied web pages leave it, within a paragraph or as one-line paragraphs.
 */
function labelPerLine(
  doc: PolicyDocument,
  keyOf: (label: string) => string | undefined,
  put: (key: string | undefined, value: string, range: OffsetRange, origin: MetadataValue['origin'], labelRange?: OffsetRange) => void,
): void {
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
    // The value is a short line: a sentence after an empty "Revideras:" is no value.
    if (next.text.startsWith('#') || next.text.includes('|') || /^[^:]{1,40}:/.test(next.text) || next.text.split(/\s+/).length > 8 || keyOf(next.text.replace(/:\s*$/, ''))) continue;
    if (labelsInLine(next.text, next.start, true, keyOf).length > 0) continue;
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
export function detectDocumentType(metadata: Map<string, MetadataValue>, title: string, types: DocumentTypesFile): string | undefined {
  const norm = (s: string): string | undefined => {
    // "Policy för deltagande i EU-program" is a policy: the first type word is the head noun.
    const lower = s.toLowerCase();
    let best: { at: number; type: string } | undefined;
    for (const type of types.types) {
      for (const word of type.words) {
        const at = lower.indexOf(word);
        if (at >= 0 && (!best || at < best.at)) best = { at, type: type.id };
      }
    }
    return best?.type;
  };
  const declared = metadata.get('typ');
  if (declared) return norm(declared.value) ?? declared.value.toLowerCase();
  return norm(title);
}
