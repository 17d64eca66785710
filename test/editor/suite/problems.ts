// The Problems panel for the runner's screenshot (test-results/problems.png). Only when the
// runner asks for it (code-server, which can photograph the page): it opens drafts with
// diagnostics, shows the panel, tells the runner, and waits (bounded) for it to be done.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fixture, open, sleep, waitForDiagnostics } from './helpers.js';

export async function showProblemsForScreenshot(): Promise<void> {
  const dir = process.env.POLICYLINT_EDITOR_TEST_SIGNAL_DIR;
  if (!dir) return;
  try {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll'); // earlier tests' toasts
    for (const draft of ['utkast/ofullstandig-policy.md', 'utkast/manga-fel.md']) {
      await open(draft);
      await waitForDiagnostics(fixture(draft), (d) => d.length > 0, `diagnostics in ${draft}`);
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.problems.focus').then(undefined, () => undefined);
  } catch (e) {
    writeFileSync(join(dir, 'problems-error.txt'), `the suite could not show the Problems panel: ${e instanceof Error ? e.message : String(e)}`);
  }
  writeFileSync(join(dir, 'problems-ready'), '');
  const deadline = Date.now() + 30_000;
  while (!existsSync(join(dir, 'problems-done')) && Date.now() < deadline) await sleep(200);
}
