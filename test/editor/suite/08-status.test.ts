import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, byRule, CORE_RULES, fixture, open, waitFor, waitForDiagnostics } from './helpers.js';

const count = (ds: readonly vscode.Diagnostic[], severity: vscode.DiagnosticSeverity): number => ds.filter((d) => d.severity === severity).length;

describe('status bar', () => {
  it("shows the active draft's error and warning counts, and follows the active editor", async () => {
    const api = await activate();
    const status = api?.status?.bind(api);
    assert.ok(status, "the extension's activate() should return an API with status(): { text, tooltip, visible } for this test");

    await open('utkast/manga-fel.md');
    const ds = await waitForDiagnostics(fixture('utkast/manga-fel.md'), (d) => CORE_RULES.every((r) => byRule(d, r)), 'the core rule errors');
    const errors = count(ds, vscode.DiagnosticSeverity.Error);
    const warnings = count(ds, vscode.DiagnosticSeverity.Warning);
    const shown = await waitFor(
      () => {
        const s = status();
        return s.visible && new RegExp(`\\b${errors}\\b.*\\b${warnings}\\b`).test(s.text) ? s : undefined;
      },
      `the status bar to show ${errors} errors and ${warnings} warnings (now: ${JSON.stringify(status())})`,
    );
    assert.match(shown.text, /\$\(error\)/, 'an error icon when there are errors');

    await open('utkast/komplett-policy.md');
    await waitForDiagnostics(fixture('utkast/komplett-policy.md'), (d) => !!byRule(d, 'skall'), 'the skall warning');
    const clean = await waitFor(
      () => {
        const s = status();
        return s.visible && !/\$\(error\)/.test(s.text) && /\b1\b/.test(s.text) ? s : undefined;
      },
      `the status bar to show 1 warning and no errors (now: ${JSON.stringify(status())})`,
    );
    assert.doesNotMatch(clean.text, new RegExp(`\\b${errors}\\b`));
  });
});
