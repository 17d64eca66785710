import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, loadServices, type Services } from '../../server/src/engine/index.js';
import { FIXTURES, TODAY } from '../helpers/paths.js';

/**
 * The verdicts on the four source documents (issue: "Verdicts on the four documents"),
 * on our own Markdown conversions in test/fixtures/seeds/.
 */
const CORE = ['adoption', 'review-cycle', 'responsible-body', 'follow-up'];

function rulesFired(name: string, services: Services): Set<string> {
  const text = readFileSync(join(FIXTURES, 'seeds', name), 'utf8');
  return new Set(lintText(text, { today: TODAY, services: { ...services } }).diagnostics.map((d) => d.ruleId));
}

function core(fired: Set<string>): string[] {
  return CORE.filter((id) => fired.has(id));
}

describe('verdicts on the four source documents', () => {
  let services: Services;
  before(async () => {
    services = await loadServices();
  });

  it('Åmål: review-cycle and adoption, not responsible-body or follow-up', () => {
    assert.deepEqual(core(rulesFired('amal.md', services)), ['adoption', 'review-cycle']);
  });

  it('Åmål after OCR gets the same core verdicts as the clean text', () => {
    assert.deepEqual(core(rulesFired('amal-ocr.md', services)), core(rulesFired('amal.md', services)));
  });

  it('Alingsås: none of the four, but review-overdue and outdated-name', () => {
    const fired = rulesFired('alingsas.md', services);
    assert.deepEqual(core(fired), []);
    assert.ok(fired.has('review-overdue'));
    assert.ok(fired.has('outdated-name'));
  });

  it('Alingsås: outdated-name names Ungdomsstyrelsen and Internationella programkontoret', () => {
    const text = readFileSync(join(FIXTURES, 'seeds', 'alingsas.md'), 'utf8');
    const names = lintText(text, { today: TODAY })
      .diagnostics.filter((d) => d.ruleId === 'outdated-name')
      .map((d) => text.slice(d.range.start, d.range.end).toLowerCase());
    assert.deepEqual(names.sort(), ['internationella programkontoret', 'ungdomsstyrelsen']);
  });

  it('Lidköping (OCR text as it is): review-cycle and adoption, plus expired-period for 2020–2022', () => {
    const fired = rulesFired('lidkoping-ocr.md', services);
    assert.deepEqual(core(fired), ['adoption', 'review-cycle']);
    const text = readFileSync(join(FIXTURES, 'seeds', 'lidkoping-ocr.md'), 'utf8');
    const periods = lintText(text, { today: TODAY })
      .diagnostics.filter((d) => d.ruleId === 'expired-period')
      .map((d) => text.slice(d.range.start, d.range.end));
    assert.deepEqual(periods, ['2020-2022']);
  });

  it('Arvika: review-cycle and follow-up', () => {
    assert.deepEqual(core(rulesFired('arvika.md', services)), ['review-cycle', 'follow-up']);
  });

  it('the clean Åmål and Alingsås texts have no spelling or OCR alarms', () => {
    for (const name of ['amal.md', 'alingsas.md']) {
      const fired = rulesFired(name, services);
      assert.ok(!fired.has('spelling') && !fired.has('ocr-artifact'), name);
    }
  });

  it('review-overdue depends on today: Alingsås was not overdue in 2010', () => {
    const text = readFileSync(join(FIXTURES, 'seeds', 'alingsas.md'), 'utf8');
    const fired = new Set(lintText(text, { today: '2010-01-01' }).diagnostics.map((d) => d.ruleId));
    assert.ok(!fired.has('review-overdue'));
  });
});
