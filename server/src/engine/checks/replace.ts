import type { Check } from './context.js';
import { format, message } from './context.js';
import { findAll, type TextMatch } from '../match/pattern.js';
import type { Sentence } from '../document/sentences.js';
import { sentenceRange, sentenceSpan } from '../document/sentences.js';
import type { ReplaceCheck, ReplaceEntry, RuleDefinition } from '../rules/model.js';
import type { Finding } from '../types.js';
import { tenseOf } from './history.js';

/** Keeps the case of the first letter, so "Skall" becomes "Ska". */
export function matchCase(found: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = found[0] ?? '';
  if (first === first.toUpperCase() && first !== first.toLowerCase()) {
    if (found.length > 1 && found === found.toUpperCase()) return replacement.toUpperCase();
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/**
 * The match is part of a longer proper name ("SKL International", "Landstinget Dalarna"):
 * the next word is capitalised. Its new name is not the old one with a word swapped.
 */
export function inProperName(sentence: Sentence, m: TextMatch): boolean {
  return /^[ \t]+\p{Lu}\p{Ll}/u.test(sentence.text.slice(m.end, m.end + 4));
}

/**
 * Words and names to replace. A replacement is a safe fix only in ordinary present-tense prose
 * where the match is a plain copy of the source. Never in URLs, e-mail addresses, code or
 * quotations (no finding at all there: a quotation keeps its words), nor in sentences about
 * the past (an old name is right in history), nor inside a longer proper name.
 */
const NO_HITS: readonly (readonly [number, TextMatch])[] = [];

export const checkReplace: Check = (rule, ctx) => {
  const check = rule.check as ReplaceCheck;
  const findings: Finding[] = [];
  const patterns = check.entries.map((entry) => ctx.patterns.get([entry.match]));
  // All entries' matches in a sentence (entry index and match; most sentences have none), as
  // one result an editor keeps with the sentence.
  const matchesIn = (sentence: Sentence): readonly (readonly [number, TextMatch])[] => {
    let hits: [number, TextMatch][] | undefined;
    patterns.forEach((re, e) => {
      for (const m of findAll(re, sentence.text)) (hits ??= []).push([e, m]);
    });
    return hits ?? NO_HITS;
  };
  const cache = ctx.blockCache;
  for (const sentence of ctx.doc.sentences) {
    const hits = cache ? cache.ofSentence(sentence, check, matchesIn) : matchesIn(sentence);
    for (const [e, m] of hits) {
      const finding = replacementFinding(rule, check.entries[e]!, sentence, m);
      if (finding) findings.push(finding);
    }
  }
  // Entries may overlap ("Internationella programkontoret" and "Programkontoret").
  return keepLongest(findings);
};

/**
 * Of findings whose ranges nest, the longest. Sorted by start, longest first: a finding lies
 * inside an earlier one exactly when an earlier one reaches at least as far.
 */
export function keepLongest(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  let reach = -Infinity;
  return findings.filter((f) => {
    if (f.range.end <= reach) return false;
    reach = f.range.end;
    return true;
  });
}

/**
 * An entry written in capitals ("SKL", "SIDA") names an abbreviation: it matches only text in
 * capitals ("Sida" is the agency's own spelling, "SKL" never a word), and not a page header's
 * "SIDA 4 AV 7" ("sida" is Swedish for page).
 */
function abbreviationMismatch(entry: ReplaceEntry, sentence: Sentence, m: TextMatch): boolean {
  if (!/^\p{Lu}{2,}(?::s)?$/u.test(entry.match)) return false;
  return m.text !== entry.match || /^\s*\d/.test(sentence.text.slice(m.end, m.end + 4));
}

function replacementFinding(rule: RuleDefinition, entry: ReplaceEntry, sentence: Sentence, m: TextMatch): Finding | undefined {
  const span = sentenceSpan(sentence, m.index, m.end);
  if (span === 'literal' || span === 'quoted') return undefined;
  if (abbreviationMismatch(entry, sentence, m)) return undefined;
  const tense = entry.since ? tenseOf(sentence.text, entry.since) : 'present';
  if (tense === 'past') return undefined;
  const range = sentenceRange(sentence, m.index, m.end);
  const replacement = /^\p{Lu}/u.test(entry.replacement) ? entry.replacement : matchCase(m.text, entry.replacement);
  const values = { found: m.text, replacement, since: entry.since ?? '', note: entry.note ?? { sv: '', en: '' } };
  if (entry.since && inProperName(sentence, m)) {
    // No fix: the organisation's new name is not the old name with one word swapped.
    return { ruleId: rule.id, range, message: message(rule, 'inName', values), data: { found: m.text } };
  }
  const finding: Finding = { ruleId: rule.id, range, message: message(rule, entry.note ? 'renamed' : 'replace', values), data: { found: m.text } };
  // A match across markup ("**Ungdoms**styrelsen") or through an escape cannot be replaced;
  // one in a hyphenated compound ("skall-sidan", "SKL-projektet") is offered, never applied.
  if (span === 'exact') {
    const title = format({ sv: 'Ersätt med "{replacement}"', en: 'Replace with "{replacement}"' }, { replacement });
    const compound = sentence.text[m.index - 1] === '-' || sentence.text[m.end] === '-';
    finding.fixes = [{ title, edits: [{ ...range, text: replacement, expect: m.text }], safe: tense === 'present' && !compound }];
  }
  return finding;
}
