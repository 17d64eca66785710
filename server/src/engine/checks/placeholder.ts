import type { Check, CheckContext } from './context.js';
import { message } from './context.js';
import type { PlaceholderCheck } from '../rules/model.js';
import type { Finding, OffsetRange } from '../types.js';
import { sentenceRange, type Sentence } from '../document/sentences.js';

/**
 * Template text left in a document: "ÅÅÅÅ-MM-DD", "§ nn", "[Beskriv …]". A template with none
 * of its placeholders filled in must never pass. In a document that says it is a draft
 * (status utkast/förslag) it is a warning; anywhere else the document claims to be finished,
 * and a placeholder is an error.
 */
export const checkPlaceholder: Check = (rule, ctx) => {
  const check = rule.check as PlaceholderCheck;
  const re = compiled(check);
  const draft = isDraft(ctx, check);
  const findings: Finding[] = [];
  const report = (range: OffsetRange, found: string): void => {
    const finding: Finding = { ruleId: rule.id, range, message: message(rule, draft ? 'draft' : 'finished', { found }), data: { found } };
    if (draft) finding.severity = 'warning';
    findings.push(finding);
  };
  const matches = (text: string): RegExpExecArray[] => {
    re.lastIndex = 0;
    return [...text.matchAll(re)].filter((m) => m[0].length > 0);
  };
  // Front matter values ("paragraf: § nn") are template text too.
  const fm = ctx.doc.frontMatter;
  if (fm) for (const m of matches(ctx.doc.text.slice(fm.start, fm.end))) report({ start: fm.start + m.index, end: fm.start + m.index + m[0].length }, m[0]);
  // Editors keep each sentence's matches with the sentence: only an edited one is searched again.
  const cache = ctx.blockCache;
  const inSentence = (sentence: Sentence): RegExpExecArray[] => matches(sentence.text);
  for (const sentence of ctx.doc.sentences) {
    const found = cache ? cache.ofSentence(sentence, re, inSentence) : inSentence(sentence);
    for (const m of found) report(sentenceRange(sentence, m.index, m.index + m[0].length), m[0]);
  }
  return findings;
};

const cache = new WeakMap<PlaceholderCheck, RegExp>();

function compiled(check: PlaceholderCheck): RegExp {
  let re = cache.get(check);
  if (!re) cache.set(check, (re = new RegExp(check.patterns.map((p) => `(?:${p})`).join('|'), 'gmu')));
  return re;
}

/** The document says it is not yet decided: its front matter `status`, or a status line. */
function isDraft(ctx: CheckContext, check: PlaceholderCheck): boolean {
  const status = ctx.doc.frontMatter?.data.status ?? ctx.metadata.get('status')?.value;
  if (typeof status === 'string') return check.draftStatus.some((s) => status.trim().toLocaleLowerCase('sv').startsWith(s));
  const opening = ctx.doc.text.slice(ctx.doc.bodyStart, ctx.doc.bodyStart + 2000).toLocaleLowerCase('sv');
  return check.draftStatus.some((s) => new RegExp(`(?:^|\\n)\\s*(?:#+\\s*)?(?:status:\\s*)?${s}\\b`, 'u').test(opening));
}
