import { strict as assert } from 'node:assert';
import type { Diagnostic, Severity } from '../../server/src/engine/index.js';
import { findingsToShow } from '../../server/src/lsp/diagnostics.js';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol.js';
import { toSettings } from '../../server/src/lsp/settings.js';

function findings(severities: string): Diagnostic[] {
  const of: Record<string, Severity> = { e: 'error', w: 'warning', i: 'info' };
  return [...severities].map((s, i): Diagnostic => ({ ruleId: 'r', severity: of[s]!, range: { start: i, end: i + 1 }, message: { sv: '', en: '' }, sources: [] }));
}

describe('the limit on diagnostics sent per document', () => {
  it('keeps errors, then warnings, then information, each in document order', () => {
    const list = findings('iwieiwwe');
    assert.deepEqual(findingsToShow(list, 3), [1, 3, 7]);
    assert.deepEqual(findingsToShow(list, 5), [1, 3, 5, 6, 7]);
    assert.deepEqual(findingsToShow(list, 6), [0, 1, 3, 5, 6, 7]);
  });

  it('cuts within the errors when they alone are too many', () => {
    assert.deepEqual(findingsToShow(findings('weeieee'), 2), [1, 2]);
  });

  it('sends everything when all fit or the limit is 0', () => {
    assert.equal(findingsToShow(findings('eww'), 3), undefined);
    assert.equal(findingsToShow(findings('ewwiii'), 0), undefined);
  });

  it('reads the setting as a whole number ≥ 0, else keeps VS Code’s 1,000', () => {
    assert.equal(DEFAULT_SETTINGS.maxNumberOfProblems, 1000);
    assert.equal(toSettings({ maxNumberOfProblems: 0 }).maxNumberOfProblems, 0);
    assert.equal(toSettings({ maxNumberOfProblems: 250 }).maxNumberOfProblems, 250);
    for (const bad of [-1, 2.5, '250', null]) assert.equal(toSettings({ maxNumberOfProblems: bad }).maxNumberOfProblems, 1000, String(bad));
  });
});
