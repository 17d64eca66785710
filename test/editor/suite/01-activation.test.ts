import * as assert from 'node:assert/strict';
import { relative } from 'node:path';
import * as vscode from 'vscode';
import { activate, extension, fixture, open, waitForDiagnostics } from './helpers.js';

describe('the extension', () => {
  it('is the packaged one when the runner installed a .vsix, and activates on a policy draft', async () => {
    const ext = extension();
    const installed = process.env.POLICYLINT_EDITOR_TEST_EXTENSIONS_DIR;
    if (installed) {
      // Installed by `--install-extension x.vsix`: the artefact users get, not the working tree.
      const inside = relative(installed, ext.extensionPath);
      assert.ok(!inside.startsWith('..'), `${ext.extensionPath} is not under the extensions folder ${installed}`);
      assert.equal(ext.packageJSON.engines.vscode, '^1.100.0');
    }
    await open('utkast/ofullstandig-policy.md');
    await activate();
    assert.equal(ext.isActive, true);
    // Up and linting: the first diagnostics arrive.
    await waitForDiagnostics(fixture('utkast/ofullstandig-policy.md'), (ds) => ds.length > 0, 'the first policylint diagnostics');
    assert.ok(vscode.window.activeTextEditor);
  });
});
