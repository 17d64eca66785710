import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyFixes, lintText, loadRuleSet, loadServices, type Diagnostic, type Services } from '../../server/src/engine/index.js';
import { TODAY } from '../helpers/paths.js';

/**
 * Property-based fuzzing of the engine on random Markdown, Swedish text and binary noise:
 * it never throws, every position lies inside the document, and --fix only changes text
 * inside the ranges it reports and is idempotent. Bounded: a fixed number of runs, a seed.
 */
const ruleSet = loadRuleSet();

const SWEDISH = [
  'Kommunstyrelsen',
  'ansvarar',
  'för',
  'det',
  'internationella',
  'arbetet',
  'ska',
  'skall',
  'följas',
  'upp',
  'årligen',
  'och',
  'redovisas',
  'till',
  'kommunfullmäktige',
  'revideras',
  'vart',
  'fjärde',
  'år',
  'Ungdomsstyrelsen',
  'SKL',
  'prioriteringar',
  '2019–2024',
  'Antagen',
  'av',
  'den',
  '25 april 2007',
  '§ 85',
  'vid behov',
  'ansvarig nämnd',
  'Internationella rådet',
  'Internationella [rådet',
  '[',
  ']',
  '{body}',
  '|',
  '*',
  'uppfoljning',
  '6ver',
  '&r',
  'I6pande',
  'for',
  'mal',
  'Syftet',
  'är',
  'att',
];
const MARKUP = [
  '\n',
  '\n\n',
  '\r\n',
  '# ',
  '## ',
  '- ',
  '1. ',
  '> ',
  '**',
  '_',
  '`',
  '```\n',
  '| a | b |\n| --- | --- |\n',
  '---\n',
  '<!-- policylint-disable skall -->',
  '<!-- policylint-enable -->',
  '<!-- policylint-disable-next-line -->',
  '[länk](https://example.org/2019-2024)',
  ':',
  '.',
  ',',
  '(',
  ')',
  '\t',
  '\uFEFF',
  '\u0000',
  'typ: strategi\n',
  'beslutad: 2020-02-30\n',
];

const token = fc.oneof(fc.constantFrom(...SWEDISH), fc.constantFrom(...MARKUP), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }));
const markdown = fc.array(token, { maxLength: 120 }).map((parts) => parts.join(' '));

function checkPositions(text: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `${d.ruleId} range ${d.range.start}-${d.range.end} outside 0-${text.length}`);
    for (const fix of d.fixes ?? []) for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${d.ruleId} edit outside the document`);
  }
}

/** The text outside the safe fixes' ranges is unchanged after applying them. */
function outsideUnchanged(before: string, after: string, diagnostics: Diagnostic[]): void {
  const edits = diagnostics.flatMap((d) => d.fixes?.find((f) => f.safe)?.edits ?? []).sort((a, b) => a.start - b.start);
  let cursorBefore = 0;
  let cursorAfter = 0;
  for (const e of edits) {
    if (e.start < cursorBefore) continue; // overlapping edits wait for the next pass
    const same = before.slice(cursorBefore, e.start);
    assert.equal(after.slice(cursorAfter, cursorAfter + same.length), same);
    cursorAfter += same.length + e.text.length;
    cursorBefore = e.end;
  }
  assert.equal(after.slice(cursorAfter), before.slice(cursorBefore));
}

describe('fuzzing the engine (fast-check)', function () {
  this.timeout(120_000);
  let services: Services;
  before(async () => {
    services = await loadServices();
  });

  it('never throws, stays within a second per document, and keeps every position inside it', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const started = performance.now();
        const result = lintText(text, { today: TODAY, ruleSet, services: { ...services } });
        assert.ok(performance.now() - started < 1000, `took ${performance.now() - started} ms`);
        checkPositions(text, result.diagnostics);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('--fix changes only the reported ranges and is idempotent', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const first = lintText(text, { today: TODAY, ruleSet, services: { ...services } });
        const once = applyFixes(text, first.diagnostics);
        outsideUnchanged(text, once.text, first.diagnostics);
        let current = once.text;
        for (let pass = 0; pass < 10; pass++) {
          const next = applyFixes(current, lintText(current, { today: TODAY, ruleSet, services: { ...services } }).diagnostics);
          if (next.applied === 0) break;
          current = next.text;
        }
        const settled = lintText(current, { today: TODAY, ruleSet, services: { ...services } });
        assert.equal(applyFixes(current, settled.diagnostics).text, current, 'a settled text changes again');
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('survives binary noise and deep nesting', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const text = new TextDecoder('utf-8').decode(bytes);
        checkPositions(text, lintText(text, { today: TODAY, ruleSet }).diagnostics);
      }),
      { numRuns: 100, seed: 7 },
    );
    for (const nested of ['> '.repeat(400) + 'text', '- '.repeat(400) + 'text', '['.repeat(5000) + ']'.repeat(5000), '*'.repeat(20000)]) {
      checkPositions(nested, lintText(nested, { today: TODAY, ruleSet }).diagnostics);
    }
  });
});
