import type { Check } from './context.js';
import { firstIn, format, message } from './context.js';
import { findAll, type TextMatch } from '../match/pattern.js';
import type { Sentence } from '../document/sentences.js';
import { sentenceRange, sentenceSpan } from '../document/sentences.js';
import type { ListedCheck, RuleDefinition } from '../rules/model.js';
import type { Finding } from '../types.js';
import { tenseOf } from './history.js';
import { inProperName, keepLongest, matchCase } from './replace.js';
import { replacementList, type ListEntry } from './lists.js';

/** A section reference just before the match ("3 kap. 9 § kommunallagen (1991:900)"). */
const PROVISION_BEFORE = /(?:§|\bkap\.|\bkapitlet)[^.;]{0,40}$/u;

/**
 * The sentence as history.ts should judge it: the years inside SFS numbers ("1991:900") and a
 * programme's own period ("Comenius (2007–2013)") are part of a name, not a time the sentence
 * speaks about.
 */
function tenseText(text: string, m: TextMatch): string {
  const after = text.slice(m.end).replace(/^\s*\(?\s*(?:19|20)\d\d\s*[–-]\s*(?:19|20)?\d\d\s*\)?/u, '');
  return `${text.slice(0, m.index)} ${after}`.replace(/(?<![\p{N}])(?:19|20)\d\d:\d+/gu, ' ');
}

/**
 * Words, laws and programmes from a dated list in rules/vocabulary/. Like `replace`, a
 * finding never touches quotations, URLs or code, never rewrites a sentence about the time
 * before the change, and is applied by --fix only where the list says the replacement is exact
 * and the match is a plain copy of the source in ordinary prose; otherwise it is offered.
 */
export const checkListed: Check = (rule, ctx) => {
  const list = replacementList(ctx.ruleSet, (rule.check as ListedCheck).list);
  const any = ctx.patterns.get(list.entries.map((e) => e.match));
  const patterns = list.entries.map((e) => ctx.patterns.get([e.match]));
  const findings: Finding[] = [];
  // Every entry's matches in a sentence (entry index and match), as one result an editor keeps
  // with the sentence: a sentence with a listed word was matched against each entry per keystroke.
  const matchesIn = (sentence: Sentence): readonly (readonly [number, TextMatch])[] => {
    const hits: [number, TextMatch][] = [];
    patterns.forEach((re, e) => {
      for (const m of findAll(re, sentence.text)) hits.push([e, m]);
    });
    return hits;
  };
  const cache = ctx.blockCache;
  for (const sentence of ctx.doc.sentences) {
    if (!firstIn(ctx, any, sentence)) continue;
    const hits = cache ? cache.ofSentence(sentence, list, matchesIn) : matchesIn(sentence);
    for (const [e, m] of hits) {
      const finding = listedFinding(rule, list.entries[e]!, sentence, m);
      if (finding) findings.push(finding);
    }
  }
  // Entries overlap ("sekretesslagen (1980:100)" and "1980:100"): keep the longest match.
  return keepLongest(findings);
};

function listedFinding(rule: RuleDefinition, entry: ListEntry, sentence: Sentence, m: TextMatch): Finding | undefined {
  const span = sentenceSpan(sentence, m.index, m.end);
  if (span === 'literal' || span === 'quoted') return undefined;
  const tense = entry.since ? tenseOf(tenseText(sentence.text, m), entry.since) : 'present';
  // A past-tense verb ("deltog", "fick") with nothing to apply: most likely history, not a reference.
  if (tense === 'past' || (tense === 'maybe' && !entry.exact)) return undefined;
  const range = sentenceRange(sentence, m.index, m.end);
  const replacement = /^\p{Lu}/u.test(entry.replacement) ? entry.replacement : matchCase(m.text, entry.replacement);
  const values = { found: m.text, replacement, since: entry.since ?? '', note: entry.note ?? { sv: '', en: '' } };
  const provision = entry.provision === true && PROVISION_BEFORE.test(sentence.text.slice(Math.max(0, m.index - 60), m.index));
  const named = entry.since !== undefined && inProperName(sentence, m);
  const compound = sentence.text[m.index - 1] === '-' || sentence.text[m.end] === '-';
  // Patterns forgive OCR damage ("erhalla"); a damaged word is offered its replacement, never given it.
  const literal = !/[|*[\]{}]|\.\.\./.test(entry.match);
  const damaged = literal && m.text.toLowerCase().replace(/\s+/g, ' ') !== entry.match.toLowerCase();
  const key = provision ? 'provision' : named ? 'inName' : entry.exact && !damaged ? 'replace' : 'suggest';
  const finding: Finding = { ruleId: rule.id, range, message: message(rule, key, values), data: { found: m.text, source: entry.source } };
  // A section reference or a longer name: the new text is not the old one with a part swapped.
  if (provision || named || span !== 'exact') return finding;
  const title = format({ sv: 'Ersätt med "{replacement}"', en: 'Replace with "{replacement}"' }, { replacement });
  const safe = entry.exact && tense === 'present' && !compound && !damaged;
  finding.fixes = [{ title, edits: [{ ...range, text: replacement, expect: m.text }], safe }];
  return finding;
}
