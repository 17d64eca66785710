import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, fixture, ruleOf, open, summary, waitFor, waitForDiagnostics } from './helpers.js';

describe('quick fix', () => {
  it('inserts the missing follow-up section with placeholders, which are reported until filled in', async () => {
    const uri = fixture('utkast/saknar-uppfoljning.md');
    const editor = await open('utkast/saknar-uppfoljning.md');
    const ds = await waitForDiagnostics(uri, (d) => !!byRule(d, 'follow-up'), 'the follow-up error');
    const diagnostic = byRule(ds, 'follow-up')!;
    const actions = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      // (The API's CodeAction does not carry its diagnostics back; the range and kind select.)
      const fixes = (all ?? []).filter((a) => a.edit && /Uppföljning och utvärdering/.test(a.title));
      return fixes.length ? fixes : undefined;
    }, 'the quick fix "Insert the section Uppföljning och utvärdering"');
    const fix = actions[0]!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), `could not apply "${fix.title}"`);
    try {
      const text = editor.document.getText();
      assert.match(text, /^## Uppföljning och utvärdering$/m, `"${fix.title}" should insert the section:\n${text}`);
      // Inserted before Revidering: sections.yml's order.
      assert.ok(text.indexOf('## Uppföljning') < text.indexOf('## Revidering'), 'the section comes before Revidering');
      // "Missing" gives way to what is still to fill in: the placeholders are not an answer.
      const missing = (d: readonly vscode.Diagnostic[]): boolean => /anger inte hur arbetet följs upp/.test(byRule(d, 'follow-up')?.message ?? '');
      const after = await waitForDiagnostics(uri, (d) => !missing(d) && !!byRule(d, 'placeholder'), 'the missing-section error to give way to placeholders');
      const placeholders = after.filter((d) => ruleOf(d) === 'placeholder');
      assert.ok(
        placeholders.some((d) => /\[hur ofta\]/.test(d.message)),
        summary(after),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
