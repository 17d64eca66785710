import type { Check } from './context.js';
import { format, message } from './context.js';
import type { Sentence } from '../document/sentences.js';
import { sentenceRange, sentenceSpan } from '../document/sentences.js';
import type { RuleDefinition } from '../rules/model.js';
import type { Finding } from '../types.js';

/**
 * Numbers as Myndigheternas skrivregler writes them: ranges with an en dash ("2021–2027",
 * "s. 12–15"), "mnkr" for millions of kronor, years with four digits, and a space between
 * groups of three digits in numbers of five digits or more ("25 000").
 */

interface Candidate {
  key: string;
  index: number;
  end: number;
  replacement: string;
  /** The replacement is certain (not a year-month that looks like a range). */
  certain: boolean;
}

/** Not inside an identifier or a file name ("KS-2021-2023", "rapport_2019-2020.pdf"). */
const NOT_BEFORE = String.raw`(?<![\p{L}\p{N}\-–/.:,_])`;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}_]|[\-–/.:,]\p{N}|[-.]\p{L})`;
const YEAR_RANGE = new RegExp(`${NOT_BEFORE}((?:19|20)\\d\\d)( ?- ?)((?:19|20)\\d\\d)${NOT_AFTER}`, 'gu');
const SHORT_YEAR_RANGE = new RegExp(`${NOT_BEFORE}((?:19|20)\\d\\d) ?([-–]) ?(\\d\\d)${NOT_AFTER}`, 'gu');
const PAGE_RANGE = /(?<![\p{L}])((?:s|sid)\.|sidorna|sidor) ?(\d{1,4})-(\d{1,4})(?![\p{N}])/gu;
const MKR = /(?<![\p{L}\p{N}])mkr(?![\p{L}\p{N}])/gu;
const LONG_NUMBER = /(?<![\p{L}\p{N}\-–/.:,])([1-9]\d{4,})(?![\p{L}\p{N}]|[-–/.:,]\p{N})/gu;
const DOTTED_NUMBER = /(?<![\p{L}\p{N}\-–/.:,])([1-9]\d{0,2}(?:\.\d{3})+)(?![\p{L}\p{N}]|[-–/.:,]\p{N})/gu;
/** Identifiers that are numbers but not quantities. */
const IDENTIFIER_BEFORE =
  /(?:nr|nummer|dnr|diarienummer|diarienr|tel|telefon|tfn|postnummer|organisationsnummer|orgnr|org\.nr|sfs|§|kod|id|referens|ref\.?|konto|bankgiro|plusgiro|ISBN|ISSN)[\s.:]*$/iu;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(YEAR_RANGE)) {
    const [from, to] = [Number(m[1]), Number(m[3])];
    if (to <= from || to - from > 30) continue;
    out.push({ key: 'yearRange', index: m.index, end: m.index + m[0].length, replacement: `${m[1]}–${m[3]}`, certain: true });
  }
  for (const m of text.matchAll(SHORT_YEAR_RANGE)) {
    const from = Number(m[1]);
    const tail = Number(m[3]);
    const century = Math.floor(from / 100) * 100;
    const to = century + tail < from ? century + 100 + tail : century + tail;
    if (to <= from || to - from > 10) continue;
    // "2011-12" may be December 2011; with an en dash it is a range.
    const certain = m[2] === '–' || tail > 12;
    out.push({ key: 'shortYear', index: m.index, end: m.index + m[0].length, replacement: `${m[1]}–${to}`, certain });
  }
  for (const m of text.matchAll(PAGE_RANGE)) {
    if (Number(m[3]) <= Number(m[2])) continue;
    const at = m.index + m[0].length - m[3]!.length - 1;
    out.push({ key: 'pageRange', index: at, end: at + 1, replacement: '–', certain: true });
  }
  for (const m of text.matchAll(MKR)) out.push({ key: 'mkr', index: m.index, end: m.index + 3, replacement: 'mnkr', certain: true });
  for (const re of [LONG_NUMBER, DOTTED_NUMBER]) {
    for (const m of text.matchAll(re)) {
      if (IDENTIFIER_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
      const digits = m[1]!.replace(/\./g, '');
      if (digits.length < 5 && re === LONG_NUMBER) continue;
      out.push({ key: 'thousands', index: m.index, end: m.index + m[1]!.length, replacement: groupThousands(digits), certain: true });
    }
  }
  return out;
}

function finding(rule: RuleDefinition, sentence: Sentence, c: Candidate): Finding | undefined {
  const span = sentenceSpan(sentence, c.index, c.end);
  if (span === 'literal' || span === 'quoted') return undefined;
  const found = sentence.text.slice(c.index, c.end);
  const range = sentenceRange(sentence, c.index, c.end);
  const shown = c.key === 'pageRange' ? sentence.text.slice(Math.max(0, c.index - 4), c.end + 4).trim() : found;
  const result: Finding = { ruleId: rule.id, range, message: message(rule, c.key, { found: shown, replacement: c.replacement }), data: { found } };
  if (span === 'exact') {
    const title = format({ sv: 'Skriv "{replacement}"', en: 'Write "{replacement}"' }, { replacement: c.replacement });
    result.fixes = [{ title, edits: [{ ...range, text: c.replacement, expect: found }], safe: c.certain }];
  }
  return result;
}

/** A sentence's candidates in text order, longest first at one place; none without a digit or "mkr". */
function sortedCandidates(sentence: Sentence): readonly Candidate[] {
  if (!/\d|mkr/.test(sentence.text)) return NONE;
  return candidates(sentence.text).sort((a, b) => a.index - b.index || b.end - a.end);
}
const NONE: readonly Candidate[] = [];

export const checkNumberFormat: Check = (rule, ctx) => {
  const findings: Finding[] = [];
  const cache = ctx.blockCache;
  for (const sentence of ctx.doc.sentences) {
    // What the text holds is read once per sentence text in an editor; where it is, on every lint.
    const found = cache ? cache.ofSentence(sentence, 'number-format:candidates', sortedCandidates) : sortedCandidates(sentence);
    let reach = -1;
    for (const c of found) {
      // A year range is also a short-year candidate's neighbour; never two edits on one span.
      if (c.index < reach) continue;
      const f = finding(rule, sentence, c);
      if (f) {
        findings.push(f);
        reach = c.end;
      }
    }
  }
  return findings;
};
