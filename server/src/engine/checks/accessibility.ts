import type { Check } from './context.js';
import { format, message } from './context.js';
import { linksAndImages } from '../document/links.js';
import type { ImageAltCheck, LinkTextCheck } from '../rules/model.js';
import type { Finding } from '../types.js';
import { isEnglishPassage } from '../ocr/language.js';

/**
 * What WCAG 2.1 (via EN 301 549 and the DOS Act) asks of a published document that Markdown
 * can show: headings in order, link texts that name their target, images with alternative
 * text, and tables whose header row is a header.
 */

/** Lower case, punctuation and extra space removed: "Läs mer!" and "läs  mer" are one text. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading one level deeper than the one before it at most (1.3.1, 2.4.6). */
export const checkHeadingOrder: Check = (rule, ctx) => {
  const findings: Finding[] = [];
  let previous: number | undefined;
  for (const heading of ctx.doc.headings) {
    if (heading.pseudo) continue;
    if (previous !== undefined && heading.depth > previous + 1) {
      const expected = previous + 1;
      const finding: Finding = {
        ruleId: rule.id,
        range: { start: heading.start, end: heading.end },
        message: message(rule, 'skipped', { from: String(previous), to: String(heading.depth), expected: String(expected) }),
      };
      const hashes = '#'.repeat(heading.depth);
      // Offered, never applied: the headings below it may need to move up as well.
      if (ctx.doc.text.startsWith(`${hashes} `, heading.start)) {
        const title = format({ sv: 'Gör rubriken till nivå {expected}', en: 'Make it a level {expected} heading' }, { expected: String(expected) });
        finding.fixes = [{ title, edits: [{ start: heading.start, end: heading.start + heading.depth, text: '#'.repeat(expected), expect: hashes }], safe: false }];
      }
      findings.push(finding);
    }
    previous = heading.depth;
  }
  return findings;
};

/** Link texts that say nothing out of context: "här", "klicka här", "läs mer" (2.4.4). */
export const checkLinkText: Check = (rule, ctx) => {
  const vague = new Set((rule.check as LinkTextCheck).vague.map(normalise));
  const findings: Finding[] = [];
  for (const link of linksAndImages(ctx.doc).links) {
    const text = normalise(link.text);
    if (!text && !link.text.trim()) {
      findings.push({ ruleId: rule.id, range: { start: link.start, end: link.end }, message: message(rule, 'empty', { url: link.url }) });
    } else if (vague.has(text)) {
      findings.push({ ruleId: rule.id, range: { start: link.start, end: link.end }, message: message(rule, 'vague', { text: link.text.trim(), url: link.url }), data: { text: link.text } });
    }
  }
  return findings;
};

const FILE_NAME = /^[^\s]+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?)$/i;

/** Images without alternative text, or with one that describes nothing (1.1.1). */
export const checkImageAlt: Check = (rule, ctx) => {
  const generic = new Set((rule.check as ImageAltCheck).generic.map(normalise));
  const findings: Finding[] = [];
  for (const image of linksAndImages(ctx.doc).images) {
    const alt = image.alt?.trim() ?? '';
    const range = { start: image.start, end: image.end };
    if (!alt) findings.push({ ruleId: rule.id, range, message: message(rule, 'missing', { url: image.url }) });
    else if (generic.has(normalise(alt)) || FILE_NAME.test(alt)) findings.push({ ruleId: rule.id, range, message: message(rule, 'generic', { alt, url: image.url }) });
  }
  return findings;
};

/** An amount or a count: a value, not a column name. Years ("2024") and periods are good headers. */
function dataValue(text: string): boolean {
  const t = text.trim();
  if (/^(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?$/.test(t)) return false;
  return /^[-−+]?\d[\d\s.,]*(?:\s*(?:%|kr|kronor|tkr|mnkr|mdkr|st|euro|€))?$/iu.test(t);
}

/** A table needs a real header row (1.3.1): not an empty one, not one that is data. */
export const checkTableHeader: Check = (rule, ctx) => {
  const findings: Finding[] = [];
  for (const table of ctx.doc.tables) {
    const header = table.rows[0];
    if (!header || header.length === 0) continue;
    const range = { start: header[0]!.start, end: header[header.length - 1]!.end };
    const filled = header.filter((cell) => cell.text.trim());
    if (filled.length === 0) {
      findings.push({ ruleId: rule.id, range, message: message(rule, 'empty') });
      continue;
    }
    const values = filled.filter((cell) => dataValue(cell.text));
    if (values.length > 0 && values.length * 2 >= filled.length && table.rows.length > 1) {
      findings.push({ ruleId: rule.id, range, message: message(rule, 'data', { cells: values.map((c) => c.text.trim()).join(', ') }) });
    }
  }
  return findings;
};

/** An element with a lang attribute opens within this many characters before the passage. */
const LANG_MARK = /<[a-z][a-z0-9]*\b[^>]*\slang\s*=\s*["']?[a-z]/i;
const MARK_WINDOW = 300;
const ENGLISH = 'language-of-parts:english';

/**
 * A paragraph in English in a Swedish document needs its language marked (3.1.2): the
 * paragraph, or the text just before it (an opening <div lang="en">), holds a lang attribute.
 * Single English names inside Swedish sentences are not passages and are never reported.
 */
export const checkLanguageOfParts: Check = (rule, ctx) => {
  const findings: Finding[] = [];
  const sentences = ctx.doc.sentences;
  const cache = ctx.blockCache;
  for (let first = 0; first < sentences.length;) {
    // The sentences of one block: a run, all from one chunk (an editor keeps the verdict with its first).
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1]!.block === sentences[first]!.block) last++;
    const head = sentences[first]!;
    const run = sentences.slice(first, last + 1);
    first = last + 1;
    const block = ctx.doc.blocks[head.block]!;
    if (block.kind !== 'paragraph') continue;
    const english = (): boolean => isEnglishPassage(run.flatMap((s) => s.words.map((w) => w.text)));
    if (!(cache ? cache.forSentence(head, ENGLISH, english) : english())) continue;
    const before = ctx.doc.text.slice(Math.max(0, block.start - MARK_WINDOW), block.end);
    if (LANG_MARK.test(before)) continue;
    // The paragraph's first line: the whole paragraph would flood the editor with underlines.
    const newline = ctx.doc.text.indexOf('\n', block.start);
    const end = newline < 0 || newline > block.end ? block.end : ctx.doc.text[newline - 1] === '\r' ? newline - 1 : newline;
    findings.push({ ruleId: rule.id, range: { start: block.start, end }, message: message(rule, 'unmarked') });
  }
  return findings;
};
