import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, ParseCache, type Diagnostic, type Fix } from '../../server/src/engine/index.js';
import { FIXTURES, REPO, TODAY } from '../helpers/paths.js';
import { engineOnce } from '../helpers/engineSetup.js';

/**
 * The OCR rule's fixes in an editor: an unchanged paragraph's findings are cached between
 * versions and the whole-document fix shares its edits with the findings' own. Whenever a
 * version's fixes are read (also after later versions were linted), they must be that
 * version's: the same as a fresh lint's, holding the words they replace, with the
 * whole-document fix made of exactly the findings' own safe repairs.
 */
const OCR_DRAFTS = [join(REPO, 'examples', 'lidkoping-ocr-utkast.md'), join(FIXTURES, 'seeds', 'amal-ocr.md')];

const EDITS: readonly { at: number; remove: number; insert: string }[] = [
  { at: 0.5, remove: 0, insert: 'a' },
  { at: 0.3, remove: 0, insert: '\n\nFörvaltningen ska folja upp malen arligen.\n\n' },
  { at: 0.6, remove: 30, insert: '' },
  { at: 0.1, remove: 0, insert: 'Darfor ' },
];

function ocrFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === 'ocr-artifact');
}

/** The whole-document fix, as the finding's own safe repairs say it must be. */
function expectedRestoreAll(findings: readonly Diagnostic[]): Fix['edits'] {
  return findings.flatMap((d) => {
    const first = d.fixes![0];
    const edit = first?.edits[0];
    return first?.safe && edit && edit.text !== edit.expect ? [edit] : [];
  });
}

describe('OCR fixes in an editing session', function () {
  this.timeout(300_000);
  const engine = engineOnce();

  for (const file of OCR_DRAFTS) {
    it(`read late, after an editor's later lints, they equal a fresh lint's: ${file.slice(REPO.length + 1)}`, () => {
      const options = { ruleSet: engine.ruleSet, today: TODAY, services: { ...engine.services } };
      const cache = new ParseCache();
      let text = readFileSync(file, 'utf8');
      const versions = [{ text, result: lintText(text, { ...options, parseCache: cache }) }];
      for (const edit of EDITS) {
        const at = Math.floor(text.length * edit.at);
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
        versions.push({ text, result: lintText(text, { ...options, parseCache: cache }) });
      }
      // Read only now, with the cache moved on to the last version.
      for (const [v, { text, result }] of versions.entries()) {
        const label = `version ${v}`;
        const findings = ocrFindings(result.diagnostics);
        assert.ok(findings.length > 20, `${label}: ${findings.length} OCR findings`);
        const fresh = lintText(text, options).diagnostics;
        assert.deepEqual(result.diagnostics, fresh, label);
        for (const d of findings)
          for (const fix of d.fixes!) for (const e of fix.edits) assert.equal(text.slice(e.start, e.end), e.expect, `${label}: "${fix.title.en}" at ${e.start} holds the word it replaces`);
        const restoreAll = findings[0]!.fixes!.at(-1)!;
        assert.match(restoreAll.title.en, /whole document/);
        assert.ok(
          findings.every((d) => d.fixes!.at(-1) === restoreAll),
          `${label}: one whole-document fix, shared`,
        );
        assert.deepEqual(restoreAll.edits, expectedRestoreAll(findings), `${label}: the whole-document fix is the findings' safe repairs`);
      }
    });
  }

  it('are in the JSON of a diagnostic and pass through a BOM shift', () => {
    const text = readFileSync(OCR_DRAFTS[0]!, 'utf8');
    const plain = ocrFindings(lintText(text, { ruleSet: engine.ruleSet, today: TODAY, services: { ...engine.services } }).diagnostics);
    const withBom = ocrFindings(lintText(`\ufeff${text}`, { ruleSet: engine.ruleSet, today: TODAY, services: { ...engine.services } }).diagnostics);
    const parsed = JSON.parse(JSON.stringify(plain)) as Diagnostic[];
    assert.deepEqual(
      parsed.map((d) => d.fixes),
      plain.map((d) => d.fixes),
    );
    assert.ok(parsed.some((d) => d.fixes!.some((f) => f.safe)));
    assert.deepEqual(
      withBom.map((d) => d.fixes!.map((f) => f.edits.map((e) => e.start - 1))),
      plain.map((d) => d.fixes!.map((f) => f.edits.map((e) => e.start))),
    );
  });
});
