import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';
import { LspClient } from './lspClient.js';

/**
 * When the spell checker loads: after the first lint, parsed (first start) or restored from
 * its image (later starts). Loading it first, even restored, made both the first and the
 * complete diagnostics later on a 150 KB draft (bench: first 0.62–0.70 → 0.99–1.30 s,
 * complete 0.91–0.97 → 1.00–1.31 s): its start delays initialize, and the second lint
 * reuses the first one's parse and facts.
 */
describe('language server: the spell checker at start', function () {
  this.timeout(60_000);
  let ws: string;
  let cache: string;
  const start = (): LspClient => new LspClient({ workspaceFolders: [ws], env: { POLICYLINT_SPELLING: 'on', POLICYLINT_CACHE_DIR: cache } });
  const words = (items: { code?: string | number }[]): number => items.filter((d) => d.code === 'spelling' || d.code === 'ocr-artifact').length;
  const text = readFileSync(join(REPO, 'examples', 'lidkoping-ocr-utkast.md'), 'utf8');

  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'policylint-spelling-start-'));
    cache = join(ws, 'cache');
    writeFileSync(join(ws, '.policylintrc.json'), '{ "extends": "policylint:recommended" }\n');
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('first start: structural findings first, spelling with the refresh; the image is saved', async () => {
    const client = start();
    try {
      await client.initialize();
      const uri = await client.open(join(ws, 'utkast.md'), text);
      const first = await client.pullItems(uri);
      assert.ok(first.length > 0);
      assert.equal(words(first), 0, 'the dictionary is parsed after the first lint');
      await client.until(() => client.refreshes > 0, 'spell checker loaded', 30_000);
      assert.ok(words(await client.pullItems(uri)) > 0);
    } finally {
      await client.shutdown();
    }
    assert.ok(
      readdirSync(cache).some((f) => f.startsWith('hunspell-') && f.endsWith('.img')),
      'the parsed dictionary was saved',
    );
  });

  it('later starts (image restored): still structural findings first, spelling with the refresh', async () => {
    const client = start();
    try {
      await client.initialize();
      const uri = await client.open(join(ws, 'utkast.md'), text);
      assert.equal(words(await client.pullItems(uri)), 0, 'the first lint does not wait for the dictionary');
      await client.until(() => client.refreshes > 0, 'spell checker loaded', 30_000);
      assert.ok(words(await client.pullItems(uri)) > 0);
    } finally {
      await client.shutdown();
    }
  });
});
