// Run in the window after "Developer: Reload Window" reloaded a window in which the extension
// was running (see reload.ts): the reload must leave no error in the extension's logs.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byRule, fixture, open, waitForDiagnostics } from './helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('after Developer: Reload Window', () => {
  it('the extension starts again and lints', async () => {
    await open('utkast/manga-fel.md');
    await waitForDiagnostics(fixture('utkast/manga-fel.md'), (d) => !!byRule(d, 'adoption'), 'diagnostics after the reload');
  });

  it('no session\'s log says "Starting server failed" (or any other failure of the client)', () => {
    const logs = process.env.POLICYLINT_EDITOR_TEST_LOGS;
    assert.ok(logs, 'the runner names the logs folder');
    const all = files(logs);
    // The language client's output channel: one file per extension host (a reload starts a new one).
    const channels = all.filter((f) => /\/exthost\d+\/policylint\.policylint\/policylint\.log$/.test(f));
    assert.ok(
      channels.length >= 3,
      `the policylint output of the suite, the reloaded window and this one (found: ${channels.join(', ') || 'none'}; logs: ${all.map((f) => f.slice(logs.length)).join(', ')})`,
    );
    const failures = all.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => /Starting server failed|Stopping server (failed|timed out)|Client is not running|Pending response rejected/.test(l))
        .map((l) => `${f.slice(logs.length)}: ${l}`),
    );
    assert.deepEqual(failures, []);
  });
});
