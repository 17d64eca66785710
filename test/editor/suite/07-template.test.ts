import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, ruleOf, summary, waitFor, waitForDiagnostics } from './helpers.js';

describe('"Ny policy från mall"', () => {
  it('creates a policy draft that says it is a draft, invents no decision date, and reports its placeholders as warnings', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    // The argument picks the document type; without support for it the command asks in a
    // quick pick, whose first entry (policy) is accepted below.
    let finished = false;
    const command = Promise.resolve(vscode.commands.executeCommand('policylint.newFromTemplate', { documentType: 'policy' })).finally(() => {
      finished = true;
    });
    await waitFor(
      async () => {
        if (finished) return true;
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return false;
      },
      'the command to create the draft',
      20_000,
    );
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
      assert.match(doc.getText(), /^status: utkast$/m);
      assert.match(doc.getText(), /^beslutad: ÅÅÅÅ-MM-DD$/m, 'no invented decision date');
      // Never "no problems": every placeholder is reported, as a warning in a draft.
      const placeholders = ds.filter((d) => ruleOf(d) === 'placeholder');
      assert.ok(placeholders.length >= 5, summary(ds));
      assert.ok(
        placeholders.every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
        summary(placeholders),
      );
      // A draft names the body that will decide; the date and § come with the decision.
      assert.equal(byRule(ds, 'adoption'), undefined, summary(ds));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
