import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { lintText, LineIndex } from '../../server/src/engine/index.js';
import { LspClient, messageText } from '../server/lspClient.js';
import { REPO, TODAY } from '../helpers/paths.js';

/**
 * The language server under stress: an edit storm with cancelled requests, huge and deeply
 * nested documents. It must stay alive, end on exactly a fresh lint of the final text, clear
 * what it published when a document closes, and keep serving other documents.
 */
const DRAFT = readFileSync(join(REPO, 'examples', 'strandvik-internationell-strategi.md'), 'utf8');

/** What a fresh lint of the text says, in the shape the server publishes (code, line, column, message). */
function freshLint(text: string): string[] {
  const lines = new LineIndex(text);
  return lintText(text, { today: TODAY })
    .diagnostics.map((d) => {
      const p = lines.position(d.range.start);
      return `${d.ruleId}@${p.line - 1}:${p.column - 1} ${d.message.sv}`;
    })
    .sort();
}

describe('language server under stress', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'policylint-storm-'));
    writeFileSync(join(root, '.policylintrc.yaml'), 'extends: policylint:recommended\n');
    client = new LspClient({ workspaceFolders: [root], pull: false });
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('survives 1,000 changes with cancelled requests and ends on a fresh lint of the final text', async () => {
    const uri = await client.open(join(root, 'storm.md'), DRAFT);
    let text = DRAFT;
    const inserts = ['a', ' ', 'skall ', '\n', 'Ungdomsstyrelsen ', '## Uppföljning\n', '\n\n', 'revideras vart fjärde år. '];
    const pending: Promise<unknown>[] = [];
    let version = 1;
    for (let i = 0; i < 1000; i++) {
      const lines = text.split('\n');
      const line = (i * 7) % lines.length;
      const character = Math.min(lines[line]!.length, (i * 13) % 40);
      const insert = inserts[i % inserts.length]!;
      const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
      text = text.slice(0, offset) + insert + text.slice(offset);
      version = await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: insert }]);
      if (i % 10 === 0) {
        // A hover that the editor no longer wants: cancelled at once.
        const source = new CancellationTokenSource();
        pending.push(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }, source.token).catch(() => undefined));
        source.cancel();
      }
    }
    await Promise.all(pending);
    const last = await client.until(
      () => {
        const p = client.published.get(uri);
        return p && p.version === version ? p : undefined;
      },
      'diagnostics for the last version',
      60_000,
    );
    const published = last.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character} ${messageText(d)}`).sort();
    assert.deepEqual(published, freshLint(text));

    await client.close(uri);
    await client.until(() => client.published.get(uri)?.diagnostics.length === 0, 'cleared diagnostics after close');
  });

  it('lints a 10 MB draft and a deeply nested one without dying, and keeps serving a small draft', async () => {
    const paragraph = 'Kommunstyrelsen ansvarar för det internationella arbetet och redovisar årligen till kommunfullmäktige. ';
    const huge = `# Internationell policy\n\n${`${paragraph.repeat(8)}\n\n`.repeat(Math.ceil(10_000_000 / (paragraph.length * 8 + 2)))}`;
    const hugeUri = await client.open(join(root, 'stor.md'), huge);
    const nestedUri = await client.open(join(root, 'djup.md'), `${'> '.repeat(300)}${'- '.repeat(300)}Vi skall samverka.\n${'['.repeat(3000)}`);
    const smallUri = await client.open(join(root, 'liten.md'), DRAFT);
    const small = await client.until(() => client.published.get(smallUri), 'diagnostics for the small draft', 90_000);
    assert.ok(small.diagnostics.some((d) => d.code === 'skall'));
    await client.until(() => client.published.get(nestedUri), 'diagnostics for the nested draft', 90_000);
    const big = await client.until(() => client.published.get(hugeUri), 'diagnostics for the 10 MB draft', 90_000);
    assert.ok(big.diagnostics.some((d) => d.code === 'adoption'));
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });
});
