// The real --fix path (the CLI's lintFile on a temporary copy) on OCR-damaged Markdown.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyChannel, compareFix, fixEnv, learnChannel, runFix, type FixEnv } from '../../scripts/ocr-channel.js';
import { applyDamage, comparisonView, DAMAGE_CLASSES } from '../../scripts/ocr-damage.js';
import { readSeed } from './seeds.js';

const read = (file: string) => readFileSync(path.resolve(process.cwd(), file), 'utf8');

describe('policylint --fix on OCR-damaged text', function () {
  this.timeout(120000);
  let env: FixEnv;
  before(async () => {
    env = await fixEnv();
  });

  function assertGoals(label: string, c: ReturnType<typeof compareFix>, flagged = false): void {
    const changed = c.rightChanged - c.rightChangedByOtherRules;
    if (flagged) assert.ok(c.flagged / c.damaged >= 0.95, `${label}: flagged ${c.flagged}/${c.damaged}`);
    assert.ok(c.restored / c.damaged >= 0.9, `${label}: restored ${c.restored}/${c.damaged}: ${c.notRestored.join('; ')}`);
    assert.ok(changed / c.right < 0.005, `${label}: right words changed ${changed}/${c.right}: ${c.wronglyChanged.join('; ')}`);
  }

  it('Åmål amal-ocr.md: flags ≥95 %, restores ≥90 % exactly, changes <0.5 % of right words', async () => {
    const ocr = read('test/fixtures/seeds/amal-ocr.md');
    const clean = read('test/fixtures/seeds/amal.md');
    const run = await runFix(ocr, env);
    const cleanFixed = (await runFix(clean, env)).fixed;
    const c = compareFix(
      ocr,
      run.fixed,
      clean,
      run.wordDiagnostics.map((d) => d.range),
      cleanFixed,
    );
    assert.ok(c.damaged > 300, `damaged ${c.damaged}`);
    assertGoals('Åmål', c, true);
    // All changes, other rules' fixes included, stay under the goal too.
    assert.ok(c.rightChanged / c.right < 0.005, c.wronglyChanged.join('; '));
  });

  it('an unseen text damaged by the learned channel meets the goals', async () => {
    const channel = learnChannel(readSeed('000'), readSeed('001'));
    const clean = read('test/fixtures/seeds/arvika.md');
    const damaged = applyChannel(clean, channel, 7);
    assert.notEqual(damaged, clean);
    const run = await runFix(damaged, env);
    const cleanFixed = (await runFix(clean, env)).fixed;
    const c = compareFix(
      damaged,
      run.fixed,
      clean,
      run.wordDiagnostics.map((d) => d.range),
      cleanFixed,
    );
    assert.ok(c.damaged > 150, `damaged ${c.damaged}`);
    assertGoals('Arvika seed 7', c);
  });

  it('the channel is deterministic for a seed and keeps the word sequence', () => {
    const channel = learnChannel(readSeed('000'), readSeed('001'));
    const clean = read('test/fixtures/seeds/alingsas.md');
    assert.equal(applyChannel(clean, channel, 3), applyChannel(clean, channel, 3));
    assert.equal(applyChannel(clean, channel, 3).split(/\s+/u).length, clean.split(/\s+/u).length);
  });

  it('is idempotent: a second --fix changes nothing', async () => {
    const channel = learnChannel(readSeed('000'), readSeed('001'));
    for (const text of [read('test/fixtures/seeds/amal-ocr.md'), read('test/fixtures/seeds/lidkoping-ocr.md'), applyChannel(read('test/fixtures/seeds/alingsas.md'), channel, 11)]) {
      const once = (await runFix(text, env)).fixed;
      const twice = (await runFix(once, env)).fixed;
      assert.equal(twice, once);
    }
  });

  it('the damage classes of eval:ocr are deterministic, each damages the text, and the comparison view keeps offsets', () => {
    const clean = read('test/fixtures/ocr/clean-policy.md');
    for (const kind of DAMAGE_CLASSES) {
      const damaged = applyDamage(clean, kind, 5);
      assert.equal(applyDamage(clean, kind, 5), damaged, kind);
      assert.notEqual(damaged, clean, kind);
      assert.equal(comparisonView(damaged, kind).length, damaged.length, kind);
    }
  });

  for (const kind of ['typed-without', 'typed-digraph', 'line-hyphenation', 'lost-hyphen', 'ligature', 'soft-hyphen'] as const) {
    it(`--fix on a clean text with damage "${kind}": restores ≥ 90 %, changes no right word`, async () => {
      const clean = read('test/fixtures/ocr/clean-policy.md');
      const damaged = applyDamage(clean, kind, 5);
      const run = await runFix(damaged, env);
      const cleanFixed = (await runFix(clean, env)).fixed;
      const c = compareFix(
        comparisonView(damaged, kind),
        run.fixed,
        clean,
        run.wordDiagnostics.map((d) => d.range),
        cleanFixed,
      );
      assert.ok(c.damaged > 0, kind);
      assert.ok(c.restored / c.damaged >= 0.9, `${kind}: restored ${c.restored}/${c.damaged}: ${c.notRestored.join('; ')}`);
      assert.equal(c.rightChanged - c.rightChangedByOtherRules, 0, c.wronglyChanged.join('; '));
    });
  }
});
