import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, fixture, open, replaceAll, waitForDiagnostics } from './helpers.js';

describe('configuration', () => {
  it('editing .policylintrc.yaml changes severities and the diagnostics follow', async () => {
    const draft = fixture('utkast/ofullstandig-policy.md');
    await open('utkast/ofullstandig-policy.md');
    await waitForDiagnostics(draft, (d) => byRule(d, 'skall')?.severity === vscode.DiagnosticSeverity.Warning, 'skall as a warning');

    const config = await vscode.workspace.openTextDocument(fixture('.policylintrc.yaml'));
    const original = config.getText();
    try {
      await replaceAll(config, original.replace(/^(\s*)skall: warning$/m, '$1skall: error').replace(/^rules:$/m, 'rules:\n  follow-up: warning'));
      await open('utkast/ofullstandig-policy.md');
      const ds = await waitForDiagnostics(
        draft,
        (d) => byRule(d, 'skall')?.severity === vscode.DiagnosticSeverity.Error && byRule(d, 'follow-up')?.severity === vscode.DiagnosticSeverity.Warning,
        'skall as an error and follow-up as a warning',
      );
      assert.ok(byRule(ds, 'skall'));

      await replaceAll(config, original.replace(/^(\s*)skall: warning$/m, '$1skall: "off"'));
      await waitForDiagnostics(draft, (d) => !byRule(d, 'skall') && byRule(d, 'follow-up')?.severity === vscode.DiagnosticSeverity.Error, 'skall off, follow-up back to error');
    } finally {
      await replaceAll(config, original);
    }
    await waitForDiagnostics(draft, (d) => byRule(d, 'skall')?.severity === vscode.DiagnosticSeverity.Warning, 'skall back to a warning');
  });
});
