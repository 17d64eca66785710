import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_RULES, evaluate, loadCorpus, regressions, ruleOfForm, scores, sidecarProblems, type Draft, type Evaluation, type Thresholds } from '../../scripts/eval-rules.js';
import { REPO, TODAY } from '../helpers/paths.js';

/**
 * The development corpus (test/corpus): every draft has a valid sidecar, the corpus is big and
 * varied enough to measure the core rules, and no rule falls below its committed figures
 * (test/corpus/thresholds.json; `npm run eval:rules` prints the full table).
 */
const CORPUS = join(REPO, 'test', 'corpus');

describe('development corpus', () => {
  let drafts: Draft[];
  before(() => {
    drafts = loadCorpus(CORPUS);
  });

  it('has at least 300 drafts, each with a valid sidecar', () => {
    assert.ok(drafts.length >= 300, `${drafts.length} drafts`);
    for (const d of drafts) assert.deepEqual(sidecarProblems(d.labels), [], d.file);
  });

  it('has at least 20 distinct forms per core rule, and a third or so negatives per rule', () => {
    for (const rule of CORE_RULES) {
      const forms = new Set(drafts.flatMap((d) => d.labels.forms).filter((f) => ruleOfForm(f) === rule));
      assert.ok(forms.size >= 20, `${rule}: ${forms.size} forms`);
      const labelled = drafts.filter((d) => d.labels.expect[rule]);
      const missing = labelled.filter((d) => d.labels.expect[rule] === 'missing').length;
      assert.ok(missing >= labelled.length / 5 && missing <= (labelled.length * 3) / 5, `${rule}: ${missing} of ${labelled.length} negative`);
    }
  });

  it('every form a draft names is evidence for a rule the draft is labelled for', () => {
    for (const d of drafts) {
      for (const form of d.labels.forms) {
        const rule = ruleOfForm(form);
        if (rule) assert.ok(d.labels.expect[rule], `${d.file}: form ${form} but no expect.${rule}`);
      }
    }
  });

  it('rejects sidecars a human would get wrong', () => {
    const ok = { source: 'https://example.se/policy.pdf', forms: ['adoption/x'], expect: { adoption: 'present' } };
    assert.deepEqual(sidecarProblems(ok), []);
    assert.equal(sidecarProblems({ ...ok, source: 'example.se' }).length, 1);
    assert.equal(sidecarProblems({ ...ok, forms: [] }).length, 1);
    assert.equal(sidecarProblems({ ...ok, expect: { adoption: 'yes' } }).length, 1);
    assert.equal(sidecarProblems({ ...ok, expect: { adoptation: 'present' } }).length, 1);
    assert.equal(sidecarProblems({ ...ok, expect: {} }).length, 1);
    assert.equal(sidecarProblems({ ...ok, forms: ['Adoption label'] }).length, 1);
  });

  it('names the rule whose precision or recall fell below its figure, and only that one', () => {
    const tally = (tp: number, fp: number, fn: number, tn: number) => ({ tp, fp, fn, tn, partial: 0 });
    const evaluation: Evaluation = {
      rules: { adoption: tally(1, 1, 0, 2), 'review-cycle': tally(2, 0, 2, 0), 'responsible-body': tally(3, 0, 0, 1), 'follow-up': tally(0, 0, 0, 4) },
      forms: {},
      wrong: [],
    };
    const all = { precision: 0.9, recall: 0.9 };
    const dropped = regressions(evaluation, { adoption: all, 'review-cycle': all, 'responsible-body': all, 'follow-up': all });
    assert.deepEqual(dropped, ['adoption: precision 50.0 % < committed 90.0 %', 'review-cycle: recall 50.0 % < committed 90.0 %']);
    assert.deepEqual(regressions(evaluation, { adoption: { precision: 0.5, recall: 1 } }), []);
  });

  it('no core rule falls below its committed precision and recall', function () {
    this.timeout(120000);
    const thresholds = JSON.parse(readFileSync(join(CORPUS, 'thresholds.json'), 'utf8')) as Thresholds;
    for (const rule of CORE_RULES) assert.ok(thresholds[rule], `thresholds.json has no figures for ${rule}`);
    const result = evaluate(
      drafts.map((d) => ({ file: d.file, text: d.text, expect: d.labels.expect, forms: d.labels.forms })),
      TODAY,
    );
    for (const rule of CORE_RULES) assert.equal(scores(result.rules[rule]).n, drafts.filter((d) => d.labels.expect[rule]).length);
    assert.deepEqual(regressions(result, thresholds), []);
  });
});
