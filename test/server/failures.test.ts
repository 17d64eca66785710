import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';
import { LspClient } from './lspClient.js';

/**
 * Failures stay local and are said: a rule author's mistake reaches the editor as an error
 * naming the file and line, not as a server that silently does nothing.
 */
describe('language server: a broken rule set', function () {
  this.timeout(30_000);

  it('answers initialize with an error naming the rule file, its line and the missing key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-broken-rules-'));
    cpSync(join(REPO, 'rules'), join(dir, 'rules'), { recursive: true });
    const purpose = join(dir, 'rules', 'purpose.yml');
    writeFileSync(purpose, readFileSync(purpose, 'utf8').replace(/^section: syfte\n/m, ''));
    const client = new LspClient({ workspaceFolders: [dir], env: { POLICYLINT_RULES_DIR: join(dir, 'rules') } });
    try {
      await assert.rejects(client.initialize(), (e: Error) => {
        assert.match(e.message, /purpose\.yml:\d+: .*check\.kind "section" måste ha "section"/);
        return true;
      });
    } finally {
      await client.shutdown().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
