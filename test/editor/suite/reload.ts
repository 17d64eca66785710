// The window the runner opens with "Developer: Reload Window" after the suite (code-server).
// The extension activates here as after a user's reload; this window measures how soon a draft
// opened in it gets its first diagnostic and its complete diagnostics (spelling included),
// writes the times to test-results/first-diagnostics.json, tells the runner it is ready, and
// waits to be reloaded with the extension running (reload.checks.ts then reads the logs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { byRule, CORE_RULES, extension, fixture, policylintDiagnostics, sleep } from './helpers.js';

export interface DiagnosticTimes {
  /** Was the extension already active when the draft was opened (activation by workspaceContains)? */
  extensionActiveAtOpen: boolean;
  /** From openTextDocument to the document opened, and to its editor shown (the editor's own part). */
  openedMs: number;
  shownMs: number;
  /** From openTextDocument to the first policylint diagnostic in the document. */
  firstDiagnosticMs: number;
  /** … to the four core rules and the spelling warning: every finding the draft has. */
  completeMs: number;
  diagnostics: number;
}

/** Opens a draft with a misspelling and times its diagnostics (polling every 10 ms). */
export async function timeToDiagnostics(open: () => Thenable<vscode.TextDocument>, limitMs = 60_000): Promise<DiagnosticTimes> {
  const extensionActiveAtOpen = extension().isActive;
  const started = performance.now();
  const doc = await open();
  const openedMs = Math.round(performance.now() - started);
  await vscode.window.showTextDocument(doc, { preview: false });
  const shownMs = Math.round(performance.now() - started);
  let first: number | undefined;
  for (;;) {
    const ds = policylintDiagnostics(doc.uri);
    const now = performance.now() - started;
    if (first === undefined && ds.length > 0) first = now;
    if (CORE_RULES.every((r) => byRule(ds, r)) && byRule(ds, 'spelling')) {
      return { extensionActiveAtOpen, openedMs, shownMs, firstDiagnosticMs: Math.round(first ?? now), completeMs: Math.round(now), diagnostics: ds.length };
    }
    if (now > limitMs) throw new Error(`no complete diagnostics within ${limitMs / 1000} s (first after ${first ?? '–'} ms)`);
    await sleep(10);
  }
}

export function writeTimes(key: string, times: DiagnosticTimes | DiagnosticTimes[] | { error: string }): void {
  const dir = process.env.POLICYLINT_EDITOR_TEST_RESULTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'first-diagnostics.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[key] = times;
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`[policylint editor test] ${key}: ${JSON.stringify(times)}`);
}

export async function freshWindow(): Promise<void> {
  const signals = process.env.POLICYLINT_EDITOR_TEST_SIGNAL_DIR!;
  try {
    // Cold: the window has just loaded; the server may still be starting.
    writeTimes('afterReload', await timeToDiagnostics(() => vscode.workspace.openTextDocument(fixture('utkast/manga-fel.md'))));
    // Warm: the server runs and the spell checker is loaded; the same text as a new document.
    const text = readFileSync(fixture('utkast/manga-fel.md').fsPath, 'utf8');
    const warm: DiagnosticTimes[] = [];
    for (let i = 0; i < 3; i++) {
      warm.push(await timeToDiagnostics(() => vscode.workspace.openTextDocument({ language: 'markdown', content: text })));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    // Three runs, in the order measured; the machine is shared, so one run can be slow.
    writeTimes('serverRunning', warm);
  } catch (e) {
    writeTimes('error', { error: e instanceof Error ? e.message : String(e) });
  }
  writeFileSync(join(signals, 'live-ready'), '');
  // The runner reloads this window now; run() must not return before (the extension would stop).
  await sleep(150_000);
}
