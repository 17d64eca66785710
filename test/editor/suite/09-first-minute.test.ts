import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, fixture, open, policylintDiagnostics, ruleOf, summary, waitFor, waitForDiagnostics } from './helpers.js';

/** What a new user meets in the first minute (issue: the editor's first minute). */
describe('the first minute', () => {
  it('lints a draft that says it is a governing document even without a config, and leaves other Markdown alone', async () => {
    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Internationell policy för Vänersby kommun\n\nKommunen skall arbeta internationellt.\n' });
    await vscode.window.showTextDocument(draft);
    const ds = await waitForDiagnostics(draft.uri, (d) => !!byRule(d, 'skall'), 'diagnostics on an untitled draft with a policy title');
    assert.ok(byRule(ds, 'adoption'), summary(ds));
    const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Anteckningar från mötet\n\nVi pratade om att SKL skall ses över.\n' });
    await vscode.window.showTextDocument(notes);
    // Wait for the draft's own pull to settle, then the notes must still have none.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(policylintDiagnostics(notes.uri).map(ruleOf), []);
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('speaks Swedish by default, and a changed language setting applies at once', async () => {
    const uri = fixture('utkast/manga-fel.md');
    await open('utkast/manga-fel.md');
    const sv = await waitForDiagnostics(uri, (d) => !!byRule(d, 'adoption'), 'Swedish diagnostics');
    assert.match(byRule(sv, 'adoption')!.message, /Dokumentet anger inte/);
    const settings = vscode.workspace.getConfiguration('policylint', uri);
    await settings.update('language', 'en', vscode.ConfigurationTarget.Workspace);
    try {
      const en = await waitForDiagnostics(uri, (d) => /^The document/.test(byRule(d, 'adoption')?.message ?? ''), 'English diagnostics after the setting changed');
      assert.ok(byRule(en, 'adoption'));
    } finally {
      await settings.update('language', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => /Dokumentet anger inte/.test(byRule(d, 'adoption')?.message ?? ''), 'Swedish again');
  });

  it('shows at most one source clause under each problem', async () => {
    const uri = fixture('utkast/manga-fel.md');
    await open('utkast/manga-fel.md');
    const ds = await waitForDiagnostics(uri, (d) => d.length > 3, 'the draft with many problems');
    for (const d of ds) assert.ok((d.relatedInformation ?? []).length <= 1, `${ruleOf(d)} has ${d.relatedInformation?.length} related locations`);
    assert.ok(
      ds.every((d) => !d.tags?.includes(vscode.DiagnosticTag.Deprecated)),
      'nothing is struck through',
    );
  });

  it('offers "Rätta alla ”skall” i dokumentet" beside the single fix, and it fixes every one', async () => {
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: '# Internationell policy för Vänersby kommun\n\nKommunen skall arbeta internationellt. Nämnderna skall delta.\n\nSkall policyn ändras beslutar kommunfullmäktige.\n',
      }),
    );
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, (d) => d.filter((x) => ruleOf(x) === 'skall').length === 3, 'three skall');
    const first = byRule(ds, 'skall')!;
    const all = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first.range, vscode.CodeActionKind.QuickFix.value);
      return (actions ?? []).find((a) => a.title.startsWith('Rätta alla ”skall” i dokumentet'));
    }, 'the fix-all-skall action');
    assert.ok(await vscode.workspace.applyEdit(all.edit!));
    assert.equal(
      editor.document.getText(),
      '# Internationell policy för Vänersby kommun\n\nKommunen ska arbeta internationellt. Nämnderna ska delta.\n\nSka policyn ändras beslutar kommunfullmäktige.\n',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
