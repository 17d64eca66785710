import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, lintText, loadRuleSet, type Diagnostic } from '../../server/src/engine/index.js';
import { expectedHits, key } from '../helpers/expectations.js';
import { FIXTURES, TODAY } from '../helpers/paths.js';

/**
 * Rule fixtures: test/fixtures/rules/<rule-id>/*.md, each expected hit marked inline with its
 * message key (see expectations.ts). Only the directory's rule is compared, so one fixture can
 * hold the traps for its rule without listing every other rule's findings. A fixture of a
 * fixable rule has NAME.fixed.md beside it: the text --fix must produce, exactly.
 */
const root = join(FIXTURES, 'rules');
const ruleSet = loadRuleSet();

function lint(text: string): Diagnostic[] {
  return lintText(text, { today: TODAY, ruleSet }).diagnostics;
}

/** --fix as the CLI runs it: passes until nothing applies. */
function fixed(text: string): string {
  let current = text;
  for (let i = 0; i < 10; i++) {
    const outcome = applyFixes(current, lint(current));
    assert.deepEqual(
      outcome.dropped.map((d) => d.ruleId),
      [],
      'a safe fix did not hold the text it matched',
    );
    if (outcome.applied === 0) break;
    current = outcome.text;
  }
  return current;
}

describe('rule fixtures', () => {
  for (const ruleId of readdirSync(root).sort()) {
    const dir = join(root, ruleId);
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))
      .sort();
    describe(ruleId, () => {
      it('is a known rule', () => assert.ok(ruleSet.rules.has(ruleId), `no rule ${ruleId}`));

      it('fixable in its rule file exactly when its fixtures show a safe fix, and each such fixture pins its fixed text', () => {
        const withSafeFix = names.filter((name) => lint(readFileSync(join(dir, name), 'utf8')).some((d) => d.ruleId === ruleId && d.fixes?.some((f) => f.safe)));
        assert.equal(
          withSafeFix.length > 0,
          ruleSet.rules.get(ruleId)!.fixable === true,
          `fixable: ${ruleSet.rules.get(ruleId)!.fixable}, fixtures with a safe fix: ${withSafeFix.join(', ') || 'none'}`,
        );
        for (const name of withSafeFix) assert.ok(existsSync(join(dir, name.replace(/\.md$/, '.fixed.md'))), `${name} has a safe fix but no ${name.replace(/\.md$/, '.fixed.md')}`);
      });

      for (const name of names) {
        const text = readFileSync(join(dir, name), 'utf8');
        it(`${name}: reports exactly the marked hits, with their message keys`, () => {
          const result = lintText(text, { today: TODAY, ruleSet });
          const expected = expectedHits(text).filter((e) => e.ruleId === ruleId);
          const actual = result.diagnostics.filter((d) => d.ruleId === ruleId).map((d, i) => ({ line: result.document.lines.position(d.range.start).line, ruleId, messageKey: d.messageKey, i }));
          // Every marker names what the finding must say: the key of its message.
          assert.deepEqual(expected.filter((e) => !e.messageKey).map(key), [], 'markers without a message key');
          const shown = actual.map((a) => key({ line: a.line, ruleId, ...(a.messageKey ? { messageKey: a.messageKey } : {}) }));
          assert.deepEqual(shown.sort(), expected.map(key).sort());
        });
        const fixedFile = join(dir, name.replace(/\.md$/, '.fixed.md'));
        if (existsSync(fixedFile)) {
          it(`${name}: --fix gives ${name.replace(/\.md$/, '.fixed.md')}, and a second run changes nothing`, () => {
            const once = fixed(text);
            assert.equal(once, readFileSync(fixedFile, 'utf8'));
            assert.equal(fixed(once), once);
          });
        } else {
          it(`${name}: --fix leaves it as it is`, () => assert.equal(fixed(text), text));
        }
      }
    });
  }
});
