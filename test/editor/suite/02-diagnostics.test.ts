import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, CORE_RULES, fixture, open, ruleOf, summary, waitForDiagnostics } from './helpers.js';

describe('diagnostics', () => {
  it('a draft without follow-up gets the follow-up error and the configured skall warning', async () => {
    const uri = fixture('utkast/ofullstandig-policy.md');
    await open('utkast/ofullstandig-policy.md');
    const ds = await waitForDiagnostics(uri, (d) => !!byRule(d, 'follow-up') && !!byRule(d, 'skall'), 'follow-up and skall');
    const followUp = byRule(ds, 'follow-up')!;
    assert.equal(followUp.severity, vscode.DiagnosticSeverity.Error);
    const skall = byRule(ds, 'skall')!;
    // .policylintrc.yaml raises skall from info to warning.
    assert.equal(skall.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(skall.range.start.line, 10);
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.getText(skall.range), 'skall');
    // The rule's documentation is linked from the diagnostic.
    const code = skall.code as { value: string | number; target: vscode.Uri };
    assert.equal(typeof code, 'object', 'diagnostic code should carry a link to the rule docs');
    assert.match(code.target.toString(), /skall\.md/);
    // Nothing else: adoption, review-cycle and responsible-body are satisfied here.
    assert.deepEqual(ds.map(ruleOf).sort(), ['follow-up', 'skall'], summary(ds));
  });

  it('a draft that lacks everything gets all four core rules as errors', async () => {
    const uri = fixture('utkast/manga-fel.md');
    await open('utkast/manga-fel.md');
    const ds = await waitForDiagnostics(uri, (d) => CORE_RULES.every((r) => byRule(d, r)) && !!byRule(d, 'outdated-name'), 'the four core rules and outdated-name');
    for (const rule of CORE_RULES) assert.equal(byRule(ds, rule)!.severity, vscode.DiagnosticSeverity.Error, rule);
    const outdated = byRule(ds, 'outdated-name')!;
    assert.equal(vscode.window.activeTextEditor!.document.getText(outdated.range), 'Ungdomsstyrelsen');
  });

  it('spelling uses the Swedish dictionary shipped with the extension', async () => {
    const uri = fixture('utkast/manga-fel.md');
    const editor = await open('utkast/manga-fel.md');
    const ds = await waitForDiagnostics(uri, (d) => !!byRule(d, 'spelling'), 'a spelling warning (Hunspell with dictionary-sv)');
    const misspelt = ds.filter((d) => ruleOf(d) === 'spelling').map((d) => editor.document.getText(d.range));
    // One misspelling; the fixture's other words (and the config's word list) are known.
    assert.deepEqual(misspelt, ['utbytten']);
  });

  it('a complete policy has no errors', async () => {
    const uri = fixture('utkast/komplett-policy.md');
    await open('utkast/komplett-policy.md');
    // Its one deliberate "skall" shows that it has been linted; then nothing else may be there.
    const ds = await waitForDiagnostics(uri, (d) => !!byRule(d, 'skall'), 'the skall warning');
    assert.deepEqual(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(ruleOf), [], summary(ds));
  });
});
