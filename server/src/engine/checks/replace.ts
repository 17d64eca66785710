import type { Check } from './context.js';
import { format, message } from './context.js';
import { findAll, type TextMatch } from '../match/pattern.js';
import type { Sentence } from '../document/sentences.js';
import { sentenceRange } from '../document/sentences.js';
import type { ReplaceCheck } from '../rules/model.js';
import type { Finding } from '../types.js';

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

/** Words and names to replace, each with a safe fix. */
export const checkReplace: Check = (rule, ctx) => {
  const check = rule.check as ReplaceCheck;
  const findings: Finding[] = [];
  const patterns = check.entries.map((entry) => ctx.patterns.get([entry.match]));
  // All entries' matches in a sentence, as one result an editor keeps with the sentence.
  const matchesIn = (sentence: Sentence): TextMatch[][] => patterns.map((re) => findAll(re, sentence.text));
  for (const sentence of ctx.doc.sentences) {
    const perEntry = ctx.blockCache ? ctx.blockCache.forSentence(sentence, check, () => matchesIn(sentence)) : matchesIn(sentence);
    perEntry.forEach((matches, e) => {
      const entry = check.entries[e]!;
      for (const m of matches) {
        const range = sentenceRange(sentence, m.index, m.end);
        // A match across markup (e.g. "**Ungdoms**styrelsen") cannot be replaced safely.
        const contiguous = range.end - range.start === m.end - m.index;
        const replacement = /^\p{Lu}/u.test(entry.replacement) ? entry.replacement : matchCase(m.text, entry.replacement);
        const values = { found: m.text, replacement, since: entry.since ?? '', note: entry.note ?? { sv: '', en: '' } };
        findings.push({
          ruleId: rule.id,
          range,
          message: message(rule, entry.note ? 'renamed' : 'replace', values),
          ...(contiguous
            ? { fixes: [{ title: format({ sv: 'Ersätt med "{replacement}"', en: 'Replace with "{replacement}"' }, { replacement }), edits: [{ ...range, text: replacement }], safe: true }] }
            : {}),
        });
      }
    });
  }
  // Entries may overlap ("Internationella programkontoret" and "Programkontoret"): keep the longest.
  // Sorted by start, longest first: a finding lies inside an earlier one exactly when an
  // earlier one reaches at least as far.
  findings.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  let reach = -Infinity;
  return findings.filter((f) => {
    if (f.range.end <= reach) return false;
    reach = f.range.end;
    return true;
  });
};
