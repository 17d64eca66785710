import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, lintText, loadRuleSet } from '../../server/src/engine/index.js';
import { expectedHits, key } from '../helpers/expectations.js';
import { FIXTURES, TODAY } from '../helpers/paths.js';

/**
 * Rule fixtures: test/fixtures/rules/<rule-id>/*.md, each expected hit marked inline.
 * Only the directory's rule is compared, so one fixture can hold the traps for its rule
 * without listing every other rule's findings.
 */
const root = join(FIXTURES, 'rules');
const ruleSet = loadRuleSet();

describe('rule fixtures', () => {
  for (const ruleId of readdirSync(root).sort()) {
    describe(ruleId, () => {
      it('is a known rule', () => assert.ok(ruleSet.rules.has(ruleId), `no rule ${ruleId}`));
      for (const name of readdirSync(join(root, ruleId)).filter((f) => f.endsWith('.md')).sort()) {
        const text = readFileSync(join(root, ruleId, name), 'utf8');
        it(`${name}: reports exactly the marked hits`, () => {
          const result = lintText(text, { today: TODAY, ruleSet });
          const actual = result.diagnostics
            .filter((d) => d.ruleId === ruleId)
            .map((d) => key({ line: result.document.lines.position(d.range.start).line, ruleId }));
          const expected = expectedHits(text).filter((e) => e.ruleId === ruleId).map(key);
          assert.deepEqual([...new Set(actual)].sort(), [...new Set(expected)].sort());
        });
        it(`${name}: after --fix nothing fixable is left`, () => {
          let current = text;
          for (let i = 0; i < 5; i++) {
            const outcome = applyFixes(current, lintText(current, { today: TODAY, ruleSet }).diagnostics);
            if (outcome.applied === 0) break;
            current = outcome.text;
          }
          const left = lintText(current, { today: TODAY, ruleSet }).diagnostics.filter((d) => d.fixes?.some((f) => f.safe));
          assert.deepEqual(left.map((d) => d.ruleId), []);
        });
      }
    });
  }
});
