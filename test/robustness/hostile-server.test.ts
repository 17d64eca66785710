import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_MAIN, LspClient, messageText } from '../server/lspClient.js';
import { TODAY } from '../helpers/paths.js';

/**
 * The language server facing a hostile client stream and a hostile workspace: every
 * malformed frame either gets an answer to the next request or ends the process (so the
 * client restarts it) within seconds; it is never alive but deaf.
 */

const frame = (body: string | Buffer): Buffer => {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
};
const request = (id: number, method: string, params: unknown): Buffer => frame(JSON.stringify({ jsonrpc: '2.0', id, method, params }));

/** A raw server on stdio: frames in, the ids of the responses out. */
class RawServer {
  readonly child: ChildProcess;
  private out = Buffer.alloc(0);
  readonly answered = new Set<number>();
  exited: number | null | undefined;
  stderr = '';

  constructor(root: string) {
    this.child = spawn(process.execPath, [SERVER_MAIN, '--stdio'], {
      env: { ...process.env, POLICYLINT_TODAY: TODAY, POLICYLINT_SPELLING: 'off', POLICYLINT_FRAME_TIMEOUT_MS: '1500' },
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: root,
    });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.out = Buffer.concat([this.out, chunk]);
      for (;;) {
        const head = this.out.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.out.subarray(0, head).toString())?.[1]);
        if (this.out.length < head + 4 + length) return;
        const message = JSON.parse(this.out.subarray(head + 4, head + 4 + length).toString()) as { id?: number; method?: string };
        this.out = this.out.subarray(head + 4 + length);
        if (typeof message.id === 'number' && !message.method) this.answered.add(message.id);
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code) => (this.exited = code));
    this.child.stdin!.on('error', () => undefined); // writes after an exit
  }

  write(bytes: Buffer | string): void {
    if (this.exited === undefined) this.child.stdin!.write(bytes);
  }

  /** Waits until the request is answered or the process exits; 'deaf' after the deadline. */
  async outcome(id: number, deadlineMs: number): Promise<'answered' | 'exited' | 'deaf'> {
    const until = Date.now() + deadlineMs;
    while (Date.now() < until) {
      if (this.answered.has(id)) return 'answered';
      if (this.exited !== undefined) return 'exited';
      await new Promise((r) => setTimeout(r, 25));
    }
    return 'deaf';
  }

  kill(): void {
    if (this.exited === undefined) this.child.kill();
  }
}

const MALFORMED: [string, Buffer | string][] = [
  ['a body that is not JSON', frame('{"jsonrpc":"2.0","id":1,')],
  ['no Content-Length header', 'Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
  ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
  ['a header line without a colon', 'garbage\r\nContent-Length: 2\r\n\r\n{}'],
  ['a JSON array (a batch)', frame('[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]')],
  ['a JSON number', frame('42')],
  ['JSON null', frame('null')],
  ['an object without jsonrpc', frame('{"id":1,"method":"x"}')],
  ['jsonrpc 1.0', frame('{"jsonrpc":"1.0","id":1,"method":"x"}')],
  ['an id that is an object', frame('{"jsonrpc":"2.0","id":{},"method":"x"}')],
  ['params that are a string', frame('{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":"x"}')],
  ['neither method nor id', frame('{"jsonrpc":"2.0"}')],
  ['binary noise', Buffer.from([0xff, 0xfe, 0, 1, 2, 13, 10, 13, 10, 0x80])],
  ['a frame longer than what follows (stalls)', 'Content-Length: 100000\r\n\r\n{"jsonrpc":"2.0"'],
  ['a Content-Length shorter than the body', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}'],
];

describe('hostile: the language server and malformed JSON-RPC frames', function () {
  this.timeout(60_000);
  const root = mkdtempSync(join(tmpdir(), 'policylint-frames-'));
  const initialize = request(0, 'initialize', { processId: null, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null });

  for (const [name, bytes] of MALFORMED) {
    it(`answers the next request or exits, never deaf: ${name}`, async () => {
      const server = new RawServer(root);
      try {
        server.write(initialize);
        assert.equal(await server.outcome(0, 20_000), 'answered', server.stderr);
        server.write(bytes);
        server.write(request(77, 'policylint/template', { documentType: 'policy' }));
        const started = Date.now();
        const outcome = await server.outcome(77, 8_000);
        assert.notEqual(outcome, 'deaf', `alive but deaf after ${name}`);
        assert.ok(Date.now() - started < 8_000);
        if (outcome === 'exited') {
          assert.equal(server.exited, 1);
          assert.match(server.stderr, /protocol error/);
        }
      } finally {
        server.kill();
      }
    });
  }
});

describe('hostile: the language server in a hostile workspace', function () {
  this.timeout(60_000);

  it('refuses a config that links to /dev/zero and keeps linting with the defaults, in bounded memory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-devzero-'));
    symlinkSync('/dev/zero', join(root, '.policylintrc.yaml'));
    writeFileSync(join(root, 'a.md'), '# Policy för test\n\nDet skall ske.\n');
    const client = new LspClient({ workspaceFolders: [root], pull: false });
    try {
      await client.initialize();
      const uri = await client.open(join(root, 'a.md'), readFileSync(join(root, 'a.md'), 'utf8'));
      const published = await client.until(() => client.published.get(uri), 'the draft linted');
      assert.ok(published.diagnostics.length > 0, 'the draft is still linted with the defaults');
      const configUri = pathToFileURL(join(root, '.policylintrc.yaml')).href;
      const configError = await client.until(() => client.published.get(configUri), 'the config error');
      assert.match(messageText(configError.diagnostics[0]!), /ut ur arbetsytan|teckenenhet/);
    } finally {
      await client.shutdown();
    }
  });

  it('"add to word list" refuses a word with a newline and a symlinked word list', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-wordlist-'));
    const outside = mkdtempSync(join(tmpdir(), 'policylint-outside-'));
    writeFileSync(join(outside, 'target.txt'), 'orört\n');
    mkdirSync(join(root, '.policylint'));
    writeFileSync(join(root, '.policylintrc.yaml'), 'extends: policylint:recommended\n');
    writeFileSync(join(root, 'a.md'), '# Policy för test\n\nDet skall ske.\n');
    const client = new LspClient({ workspaceFolders: [root], pull: false });
    try {
      await client.initialize();
      const uri = pathToFileURL(join(root, 'a.md')).href;
      await assert.rejects(
        client.connection.sendRequest('workspace/executeCommand', { command: 'policylint.server.addToWordList', arguments: [{ uri, word: 'ord\nextends: /etc/passwd' }] }),
        /ett ord|one word/,
      );
      assert.ok(!existsSync(join(root, '.policylint', 'ordlista.txt')));
      symlinkSync(join(outside, 'target.txt'), join(root, '.policylint', 'ordlista.txt'));
      await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: 'policylint.server.addToWordList', arguments: [{ uri, word: 'Strandvik' }] }), /länk|link/);
      assert.equal(readFileSync(join(outside, 'target.txt'), 'utf8'), 'orört\n', 'nothing written through the link');
    } finally {
      await client.shutdown();
    }
  });
});
