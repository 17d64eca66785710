import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { REPO } from '../helpers/paths.js';
import { LspClient } from './lspClient.js';

/**
 * The shipped bundles (scripts/bundle.mjs), built into out/bundle-test/ so that the real
 * dist/ is left alone: the engine must find rules/ through the banner's __policylintDir.
 */
describe('bundles (esbuild, CommonJS)', function () {
  this.timeout(60_000);
  const outdir = join(REPO, 'out', 'bundle-test');
  let ws: string;

  before(() => {
    execFileSync(process.execPath, [join(REPO, 'scripts', 'bundle.mjs'), `--outdir=${outdir}`], { cwd: REPO, stdio: 'pipe' });
    ws = mkdtempSync(join(tmpdir(), 'policylint-bundle-'));
    mkdirSync(join(ws, 'docs'));
    writeFileSync(join(ws, 'docs', '.policylintrc.json'), '{ "extends": "policylint:strategi" }\n');
  });

  after(() => rmSync(ws, { recursive: true, force: true }));

  it('serves diagnostics and hovers from server.cjs, spell checker included', async () => {
    const client = new LspClient({ workspaceFolders: [ws], server: join(outdir, 'server.cjs'), env: { POLICYLINT_SPELLING: 'on', POLICYLINT_CACHE_DIR: join(ws, 'cache') } });
    try {
      await client.initialize();
      const uri = await client.open(join(ws, 'docs', 'utkast.md'), readFileSync(join(REPO, 'examples', 'lidkoping-ocr-utkast.md'), 'utf8'));
      await client.until(() => client.refreshes > 0, 'spell checker loaded', 20_000);
      const items = await client.pullItems(uri);
      assert.ok(items.some((d) => d.code === 'review-cycle' || d.code === 'follow-up'));
      const word = items.find((d) => d.code === 'spelling' || d.code === 'ocr-artifact');
      assert.ok(word, `a spelling or OCR finding among ${[...new Set(items.map((d) => d.code))].join(', ')}`);
      const actions = await client.codeActions(uri, word.range, [word]);
      assert.ok(actions.length > 1, actions.map((a) => a.title).join(' | '));
      const hover = await client.hover(uri, items[0]!.range.start);
      assert.match((hover!.contents as MarkupContent).value, /rules\/sources\/\w+\.md#L\d+/);
    } finally {
      await client.shutdown();
    }
  });

  it('starts server.cjs through server-start.cjs, as the extension does: the code cache is written, then used', async () => {
    const cache = join(ws, 'start-cache');
    const written: number[] = [];
    for (const start of ['first', 'second']) {
      const client = new LspClient({ workspaceFolders: [ws], server: join(outdir, 'server-start.cjs'), env: { POLICYLINT_CACHE_DIR: cache } });
      try {
        await client.initialize();
        const uri = await client.open(join(ws, 'docs', 'utkast.md'), readFileSync(join(REPO, 'examples', 'strandvik-internationell-strategi.md'), 'utf8'));
        const items = await client.pullItems(uri);
        assert.ok(
          items.some((d) => d.code === 'skall'),
          `${start} start: ${items.map((d) => d.code).join(', ')}`,
        );
      } finally {
        await client.shutdown();
      }
      const files = readdirSync(cache).filter((f) => f.startsWith('v8-'));
      assert.equal(files.length, 1, `${start} start: one cache for server.cjs`);
      written.push(statSync(join(cache, files[0]!)).mtimeMs);
    }
    // A cache that V8 refused would have been written again when the second server exited.
    assert.equal(written[1], written[0]);
  });

  it('runs the CLI from cli.cjs outside the repository', () => {
    // Exit code 1: the example has errors.
    const run = spawnSync(process.execPath, [join(outdir, 'cli.cjs'), '--format', 'json', join(REPO, 'examples', 'strandvik-internationell-strategi.md')], { cwd: tmpdir(), encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /"ruleId":\s*"skall"/);
  });

  it('keeps snippets/markdown.json in step with rules/sections.yml', () => {
    const run = spawnSync(process.execPath, [join(REPO, 'out', 'scripts', 'generate-snippets.js'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('bundles the extension with vscode left external', () => {
    const client = readFileSync(join(outdir, 'client.cjs'), 'utf8');
    assert.match(client, /require\("vscode"\)/);
  });
});
