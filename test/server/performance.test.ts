import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';
import { LspClient } from './lspClient.js';

/** A ~150 KB draft: the examples and the seed documents, repeated. */
function bigDraft(): string {
  const dirs = [join(REPO, 'examples'), join(REPO, 'test', 'fixtures', 'seeds')];
  const parts = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(d, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')),
  );
  let text = '---\ntyp: strategi\n---\n\n';
  while (text.length < 150_000) for (const p of parts) text += `${p}\n\n`;
  return text;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Measured numbers, printed for the report; thresholds are loose so slow CI machines pass. */
for (const spelling of [false, true]) {
  describe(`performance on a ~150 KB draft (spelling ${spelling ? 'on' : 'off'})`, function () {
    this.timeout(120_000);
    let root: string;
    let text: string;

    before(() => {
      root = mkdtempSync(join(tmpdir(), 'policylint-perf-'));
      writeFileSync(join(root, '.policylintrc.yaml'), 'extends: policylint:recommended\n');
      text = bigDraft();
      writeFileSync(join(root, 'stor.md'), text);
    });

    after(() => rmSync(root, { recursive: true, force: true }));

    it('cold start and edit → fresh diagnostics (pull)', async () => {
      const started = performance.now();
      const client = new LspClient({ workspaceFolders: [root], env: { POLICYLINT_SPELLING: spelling ? 'on' : 'off' } });
      try {
        await client.initialize();
        const uri = await client.open(join(root, 'stor.md'), text);
        let items = await client.pullItems(uri);
        const cold = performance.now() - started;
        if (spelling) {
          // The spell checker loads after start and asks for a refresh.
          await client.until(() => client.refreshes > 0, 'refresh after the spell checker loaded', 20_000);
          items = await client.pullItems(uri);
        }
        assert.ok(items.length > 0);
        const coldWithServices = performance.now() - started;

        const edits: number[] = [];
        const lines = text.split('\n');
        for (let i = 0; i < 7; i++) {
          const line = 40 + i * 200;
          const t0 = performance.now();
          await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'Kommunen skall ' }]);
          const after = await client.pullItems(uri);
          edits.push(performance.now() - t0);
          assert.ok(after.some((d) => d.code === 'skall' && d.range.start.line === line), `fresh diagnostics for the edit on line ${line} (${lines.length} lines)`);
        }
        const msg = `size ${text.length} chars, ${items.length} diagnostics; cold start → first diagnostics ${Math.round(cold)} ms` +
          (spelling ? `, → with spelling ${Math.round(coldWithServices)} ms` : '') +
          `; edit → fresh diagnostics median ${Math.round(median(edits))} ms (min ${Math.round(Math.min(...edits))}, max ${Math.round(Math.max(...edits))})`;
        console.log(`      ${msg}`);
        assert.ok(cold < 15_000, msg);
        assert.ok(median(edits) < 5_000, msg);
      } finally {
        await client.shutdown();
      }
    });

    it('edit → fresh diagnostics on a typical draft (push)', async () => {
      const draft = readFileSync(join(REPO, 'examples', 'strandvik-internationell-strategi.md'), 'utf8');
      const client = new LspClient({ workspaceFolders: [root], pull: false, env: { POLICYLINT_SPELLING: spelling ? 'on' : 'off' } });
      try {
        await client.initialize();
        const uri = await client.open(join(root, 'utkast.md'), draft);
        await client.until(() => client.published.get(uri), 'first push', 20_000);
        if (spelling) await new Promise((r) => setTimeout(r, 1500));
        const times: number[] = [];
        for (let i = 0; i < 7; i++) {
          const t0 = performance.now();
          const version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }]);
          await client.until(() => client.published.get(uri)?.version === version, 'push for the edit');
          times.push(performance.now() - t0);
        }
        const msg = `typical draft (${draft.length} chars): edit → pushed diagnostics median ${Math.round(median(times))} ms (includes the ${15} ms coalescing delay)`;
        console.log(`      ${msg}`);
        assert.ok(median(times) < 2_000, msg);
      } finally {
        await client.shutdown();
      }
    });
  });
}
