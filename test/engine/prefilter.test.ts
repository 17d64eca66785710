import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePattern, compilePatterns, findAll, findFirst, type Vocabulary } from '../../server/src/engine/match/pattern.js';
import { mayMatch, prefilterFor } from '../../server/src/engine/match/fragments.js';
import { buildVocabulary } from '../../server/src/engine/rules/vocabulary.js';
import { loadRuleSet } from '../../server/src/engine/index.js';
import { FIXTURES } from '../helpers/paths.js';

/** Every match of `re` in `text`, by a fresh copy of it that has no prefilter. */
function unfiltered(re: RegExp, text: string): string[] {
  return findAll(new RegExp(re.source, re.flags), text).map((m) => `${m.index}:${m.text}`);
}
const filtered = (re: RegExp, text: string): string[] => findAll(re, text).map((m) => `${m.index}:${m.text}`);

/** Every list of strings in the rule set that compiles as phrase patterns. */
function patternLists(value: unknown, vocabulary: Vocabulary, out: string[][] = [], seen = new Set<unknown>()): string[][] {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    try {
      compilePatterns(value, vocabulary);
      out.push(value);
    } catch {
      // Not patterns (messages, word lists with syntax characters).
    }
    return out;
  }
  const children = value instanceof Map ? [...value.values()] : Object.values(value);
  for (const child of children) patternLists(child, vocabulary, out, seen);
  return out;
}

/** Fixture sentences, and copies with the OCR look-alikes and word breaks the patterns must survive. */
function sampleTexts(): string[] {
  const texts: string[] = [];
  for (const dir of ['rules', 'ocr', 'clean']) {
    for (const file of readdirSync(join(FIXTURES, dir))) {
      if (!/\.(md|txt)$/.test(file)) continue;
      texts.push(...readFileSync(join(FIXTURES, dir, file), 'utf8').split(/(?<=[.!?])\s+|\n\s*\n/));
    }
  }
  const swaps: Record<string, string[]> = { ö: ['o', '6', '¢', 'ø', 'é'], ä: ['a', '&', 'é'], å: ['a', 'ä'], ' ': ['|', '¢', '\u00a0', '&', '-'] };
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const damaged = texts.map((t) => [...t].map((c) => (swaps[c] && random() < 0.3 ? swaps[c][Math.floor(random() * swaps[c].length)]! : random() < 0.03 ? c.toUpperCase() : c)).join(''));
  return [...texts, ...damaged].filter((t) => t.trim().length > 0);
}

describe('phrase-pattern prefilter', () => {
  it('never hides a match: every rule pattern list finds the same matches with and without it, and the same first match alone or alternative by alternative', function () {
    this.timeout(120_000);
    const ruleSet = loadRuleSet();
    const vocabulary = buildVocabulary(ruleSet.bodies, ruleSet.intervals);
    const lists = [['{body}'], ...patternLists(ruleSet, vocabulary)];
    const texts = sampleTexts();
    assert.ok(lists.length > 50 && texts.length > 1000, `${lists.length} pattern lists, ${texts.length} texts`);
    let skipped = 0;
    for (const list of lists) {
      const re = compilePatterns(list, vocabulary);
      for (const text of texts) {
        if (!mayMatch(re, text)) skipped++;
        const where = `${list.join(' | ').slice(0, 80)} on ${JSON.stringify(text.slice(0, 80))}`;
        assert.deepEqual(filtered(re, text), unfiltered(re, text), where);
        // findFirst runs a list alternative by alternative: the same first match as the whole list's expression.
        assert.deepEqual(findFirst(re, text), findFirst(new RegExp(re.source, re.flags), text), where);
      }
    }
    // The prefilter must also do its job: most texts match most patterns not at all.
    assert.ok(skipped > (lists.length * texts.length) / 2, `skipped ${skipped}`);
  });

  it('compiles a list the same whatever was compiled before it with the same vocabulary (lists are expanded once per vocabulary)', () => {
    const ruleSet = loadRuleSet();
    const fresh = (): Vocabulary => structuredClone(buildVocabulary(ruleSet.bodies, ruleSet.intervals));
    const lists = [['{body}'], ...patternLists(ruleSet, fresh())];
    const shared = fresh();
    const compiled = (list: readonly string[], vocabulary: Vocabulary): string => `${compilePatterns(list, vocabulary).source} ${prefilterFor(list, vocabulary)?.source}`;
    // Backwards, so each list meets expansions that other lists' contexts left behind.
    for (const list of [...lists].reverse()) assert.equal(compiled(list, shared), compiled(list, fresh()), list.join(' | '));
    // A list after a leading gap, at a word start, and nested: each keeps its own expansion.
    const vocabulary: Vocabulary = { org: ['*nämnd', 'KF'], wrap: ['{org} och {org}'] };
    const cases = [['{org} beslutar'], ['... {org}'], ['{wrap}'], ['[{wrap}] {org}']];
    const warm = cases.map((list) => compiled(list, vocabulary));
    assert.deepEqual(
      warm,
      cases.map((list) => compiled(list, structuredClone(vocabulary))),
    );
    assert.notEqual(prefilterFor(['{org} beslutar'], vocabulary)?.source, prefilterFor(['... {org}'], vocabulary)?.source);
  });

  it('treats a word start as the compiled pattern does: after spaces, symbols and text start, not after letters or &', () => {
    const re = compilePatterns(['KF', '*nämnd'], {});
    for (const text of ['KF beslutar', 'x KF', '¢KF', '|KF', '(KF)', '\u00a0KF', 'Kulturnamnd', 'kultur-nåmnd']) assert.ok(mayMatch(re, text) && findAll(re, text).length > 0, text);
    for (const text of ['&KF', 'eKF', 'KFX', 'nämndeman']) assert.deepEqual(filtered(re, text), unfiltered(re, text), text);
    assert.equal(mayMatch(re, 'Styrelsen beslutar.'), false);
  });

  it('has none where a required slot may be empty or is a shape ({year}, an empty list, a leading gap)', () => {
    assert.equal(prefilterFor(['{year}'], {}), undefined);
    assert.equal(prefilterFor(['{tom}'], { tom: [] }), undefined);
    assert.equal(prefilterFor(['a|b'], {}), undefined);
    // After a leading gap a word may start inside another: " a kommunstyrelsen" matches "... styrelsen".
    const gap = compilePattern('... styrelsen');
    assert.deepEqual(filtered(gap, ' a kommunstyrelsen'), ['0: a kommunstyrelsen']);
    assert.deepEqual(unfiltered(gap, ' a kommunstyrelsen'), ['0: a kommunstyrelsen']);
  });
});
