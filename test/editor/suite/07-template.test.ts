import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, CORE_RULES, ruleOf, summary, waitFor, waitForDiagnostics } from './helpers.js';

describe('"Ny policy från mall"', () => {
  it('creates a policy draft with no errors from the four core rules', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    // The argument picks the document type; without support for it the command asks in a
    // quick pick, whose first entry (policy) is accepted below.
    let finished = false;
    const command = Promise.resolve(vscode.commands.executeCommand('policylint.newFromTemplate', { documentType: 'policy' })).finally(() => {
      finished = true;
    });
    await waitFor(async () => {
      if (finished) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return false;
    }, 'the command to create the draft', 20_000);
    await command;
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() !== before && e.document.languageId === 'markdown' && e.document.getText().length > 0 ? e : undefined;
    }, 'an editor with the new draft');
    const doc = editor.document;
    try {
      await vscode.commands.executeCommand('leaveSnippet');
      assert.match(doc.getText(), /^# .*[Pp]olicy/m, 'the draft has a title');
      for (const section of ['Syfte', 'Uppföljning', 'Revidering']) assert.match(doc.getText(), new RegExp(`^## ${section}`, 'm'), `the draft has ${section}`);
      // A deliberate "skall" shows when the draft has been linted as it stands.
      await editor.edit((e) => e.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n\nArbetet skall vara tydligt.\n'));
      const ds = await waitForDiagnostics(doc.uri, (d) => !!byRule(d, 'skall'), 'the draft to be linted');
      const core = ds.filter((d) => (CORE_RULES as readonly string[]).includes(ruleOf(d) ?? ''));
      assert.deepEqual(core.map(ruleOf), [], `core rule diagnostics in the template: ${summary(core)}\n${doc.getText()}`);
      assert.deepEqual(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(ruleOf), [], summary(ds));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
