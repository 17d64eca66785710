import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activate, byRule, fixture, open, screenshot, sleep, waitFor, waitForDiagnostics } from './helpers.js';

/** The semantic tokens of a document as [text, type, modifiers] (what the editor colours). */
async function colouredWords(doc: vscode.TextDocument): Promise<[string, string, string[]][]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
  if (!legend || !tokens) return [];
  const out: [string, string, string[]][] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dLine, dStart, length, type, mods] = [...tokens.data.slice(i, i + 5)] as [number, number, number, number, number];
    line += dLine;
    start = dLine ? dStart : start + dStart;
    out.push([doc.getText(new vscode.Range(line, start, line, start + length)), legend.tokenTypes[type]!, legend.tokenModifiers.filter((_, bit) => mods & (1 << bit))]);
  }
  return out;
}

/** Each view the user meets, checked and photographed (test-results/<view>.png in code-server). */
describe('views (one screenshot each)', () => {
  it('colours obligations and bodies in a governing draft, and nothing in a plain README', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-readme-'));
    writeFileSync(join(dir, 'README.md'), '# Mitt projekt\n\nKS ska titta på detta; nämnden skall svara senast 2025-01-01.\n');
    const readme = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, 'README.md')));
    await vscode.window.showTextDocument(readme);
    const draft = await vscode.workspace.openTextDocument(fixture('utkast/ofullstandig-policy.md'));
    await vscode.window.showTextDocument(draft, { viewColumn: vscode.ViewColumn.Beside });
    const coloured = await waitFor(async () => {
      const words = await colouredWords(draft);
      return words.some(([w]) => w === 'skall') ? words : undefined;
    }, 'semantic tokens in the draft');
    assert.deepEqual(
      coloured.find(([w]) => w === 'skall'),
      ['skall', 'keyword', ['archaic']],
    );
    assert.deepEqual(
      coloured.find(([w]) => w === 'Kommunstyrelsen'),
      ['Kommunstyrelsen', 'type', []],
    );
    assert.deepEqual(await colouredWords(readme), [], 'a README is not coloured');
    await screenshot('colouring');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hover over a problem', async () => {
    const editor = await open('utkast/ofullstandig-policy.md');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => !!byRule(d, 'skall'), 'the skall warning');
    const at = byRule(ds, 'skall')!.range.start.translate(0, 2);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    await screenshot('hover');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the quick fix menu on "skall"', async () => {
    const editor = await open('utkast/ofullstandig-policy.md');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => !!byRule(d, 'skall'), 'the skall warning');
    const range = byRule(ds, 'skall')!.range;
    editor.selection = new vscode.Selection(range.start, range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1500);
    await screenshot('quick-fix');
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('section completion after "## "', async () => {
    const editor = await open('utkast/komplett-policy.md');
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\n## '));
    const at = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(at, at);
    try {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(1500);
      await screenshot('completion');
      await vscode.commands.executeCommand('hideSuggestWidget');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('the compliance view and the status bar', async () => {
    const uri = fixture('utkast/ofullstandig-policy.md');
    await open('utkast/ofullstandig-policy.md');
    await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
    // Room for the checklist: Outline and Timeline hidden, the folder pane collapsed.
    for (const view of ['outline', 'timeline']) await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
    await vscode.commands.executeCommand('policylint.showCompliance');
    await sleep(2000);
    await screenshot('compliance-view', { click: ['.pane-header:has-text("workspace")'] });
  });

  it('a governing draft on disk without a config offers "Aktivera policylint här" in the status bar, which writes one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-enable-'));
    writeFileSync(join(dir, 'internationell-policy.md'), '# Internationell policy för Vänersby kommun\n\nKommunen skall arbeta internationellt.\n');
    const uri = vscode.Uri.file(join(dir, 'internationell-policy.md'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (d) => !!byRule(d, 'skall'), 'diagnostics on a draft found by its title');
    const api = await activate();
    const text = await waitFor(() => api?.enableHere?.(), 'the "Aktivera policylint här" status bar item');
    assert.equal(text, '$(add) Aktivera policylint här');
    await screenshot('status-bar-enable-here');
    await vscode.commands.executeCommand('policylint.enableHere');
    await waitFor(() => existsSync(join(dir, '.policylintrc.yaml')), 'the config written beside the draft');
    await waitFor(() => api?.enableHere?.() === undefined, 'the item to go once the config exists');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
