// The real --fix path (the CLI's lintFile on a temporary copy) on OCR-damaged Markdown.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyChannel, compareFix, fixEnv, learnChannel, runFix, type FixEnv } from '../../scripts/ocr-channel.js';
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
    const c = compareFix(ocr, run.fixed, clean, run.wordDiagnostics.map((d) => d.range), cleanFixed);
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
    const c = compareFix(damaged, run.fixed, clean, run.wordDiagnostics.map((d) => d.range), cleanFixed);
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
});
