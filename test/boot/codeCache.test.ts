import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO } from '../helpers/paths.js';

const RUNNER = join(REPO, 'out', 'server', 'src', 'boot', 'codeCache.js');

/**
 * Runs `bundle` through runBundle in a fresh process (it runs the bundle in that process's
 * context) and returns what the bundle printed and what runBundle reported.
 */
function run(
  bundle: string,
  cacheDir: string,
  args: string[] = [],
  env: Record<string, string> = {},
): { stdout: string; stderr: string; status: number | null; report: { cacheUsed: boolean; cacheFile?: string } } {
  // A launcher like bin/policylint.js: node <launcher> <arguments>.
  const launcher = join(dirname(bundle), 'launch.mjs');
  writeFileSync(launcher, `import { runBundle } from ${JSON.stringify(RUNNER)}; const r = runBundle(${JSON.stringify(bundle)}); console.error('REPORT' + JSON.stringify(r));`);
  const child = spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', env: { ...process.env, POLICYLINT_CACHE_DIR: cacheDir, ...env } });
  const line = child.stderr.split('\n').find((l) => l.startsWith('REPORT'));
  return { stdout: child.stdout, stderr: child.stderr, status: child.status, report: line ? JSON.parse(line.slice('REPORT'.length)) : { cacheUsed: false } };
}

const caches = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.startsWith('v8-'));
  } catch {
    return [];
  }
};

// A bundle as esbuild writes it: a #! line, CommonJS, a require of a file beside it, work in functions.
const BUNDLE = `#!/usr/bin/env node
"use strict";
const helper = require("./helper.cjs");
function sum(n) { let s = 0; for (let i = 0; i < n; i++) s += helper.double(i); return s; }
module.exports.answer = sum(10);
console.log(JSON.stringify({ answer: module.exports.answer, filename: __filename, dirname: __dirname, isThis: this === module.exports, args: process.argv.slice(2) }));
if (process.env.THROW) { const e = new Error("boom"); console.log(e.stack.split("\\n")[1]); }
if (process.env.COMPLETE) {
  function lint(text) { return text.split(" ").map((w) => w.toUpperCase()).join("-"); }
  lint("the real work");
  globalThis[Symbol.for("policylint.codeCache.completeRun")] = true;
}
`;

/** The header of a cache file ("PLV8", its length, JSON). */
function header(file: string): { bundle: string; complete?: boolean } {
  const bytes = readFileSync(file);
  return JSON.parse(bytes.subarray(8, 8 + bytes.readUInt32LE(4)).toString('utf8')) as { bundle: string; complete?: boolean };
}

describe('the V8 code cache for the bundles (boot/codeCache)', function () {
  this.timeout(30_000);
  let dir: string;
  let cacheDir: string;
  let bundle: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policylint-boot-'));
    cacheDir = join(dir, 'cache');
    bundle = join(dir, 'app.cjs');
    writeFileSync(bundle, BUNDLE);
    writeFileSync(join(dir, 'helper.cjs'), 'exports.double = (x) => 2 * x;\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as Node would: module, require beside it, file names, this, arguments', () => {
    const first = run(bundle, cacheDir, ['--flag', 'x']);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), { answer: 90, filename: bundle, dirname: dir, isThis: true, args: ['--flag', 'x'] });
  });

  it('writes the cache at exit, then starts from it', () => {
    const first = run(bundle, cacheDir);
    assert.equal(first.report.cacheUsed, false);
    assert.deepEqual(caches(cacheDir).length, 1);
    const second = run(bundle, cacheDir);
    assert.equal(second.report.cacheUsed, true, second.stderr);
    assert.equal(second.report.cacheFile, first.report.cacheFile);
    assert.equal(second.stdout, first.stdout);
  });

  it('writes the cache again from the first run that did the real work, then keeps it', () => {
    // A first run that only printed its version: its cache lacks the linter.
    const thin = run(bundle, cacheDir);
    const file = thin.report.cacheFile!;
    assert.deepEqual(header(file), { bundle, complete: false });
    const thinBytes = readFileSync(file);

    const complete = run(bundle, cacheDir, [], { COMPLETE: '1' });
    assert.equal(complete.report.cacheUsed, true, complete.stderr);
    assert.deepEqual(header(file), { bundle, complete: true });
    assert.ok(readFileSync(file).length > thinBytes.length, 'the new cache holds the code the real work compiled');

    // From now on the cache stays as it is, whatever the run.
    const completeBytes = readFileSync(file);
    for (const env of [{ COMPLETE: '1' }, {}]) {
      const again = run(bundle, cacheDir, [], env);
      assert.equal(again.report.cacheUsed, true, again.stderr);
      assert.ok(readFileSync(file).equals(completeBytes), `not written again (${JSON.stringify(env)})`);
    }
  });

  it('keeps line numbers in stack traces (the #! line stays a line)', () => {
    const result = run(bundle, cacheDir, [], { THROW: '1' });
    assert.match(result.stdout, new RegExp(`${bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:`));
  });

  it('does not use the cache of an earlier build, and removes it', () => {
    const first = run(bundle, cacheDir);
    writeFileSync(bundle, BUNDLE.replace('sum(10)', 'sum(11)'));
    const future = new Date(statSync(bundle).mtimeMs + 5000);
    utimesSync(bundle, future, future);
    const rebuilt = run(bundle, cacheDir);
    assert.equal(rebuilt.report.cacheUsed, false);
    assert.equal(JSON.parse(rebuilt.stdout).answer, 110);
    assert.notEqual(rebuilt.report.cacheFile, first.report.cacheFile);
    assert.deepEqual(caches(cacheDir), [rebuilt.report.cacheFile!.split('/').pop()]);
  });

  it('refuses a damaged cache, runs anyway and writes a good one', () => {
    const first = run(bundle, cacheDir);
    writeFileSync(first.report.cacheFile!, Buffer.from('not a V8 cache at all'));
    const damaged = run(bundle, cacheDir);
    assert.equal(damaged.status, 0, damaged.stderr);
    assert.equal(damaged.report.cacheUsed, false);
    assert.equal(damaged.stdout, first.stdout);
    assert.notEqual(readFileSync(first.report.cacheFile!).toString('latin1'), 'not a V8 cache at all');
    assert.equal(run(bundle, cacheDir).report.cacheUsed, true);
  });

  it('removes the caches of bundles that are gone (an old checkout) when it writes its own', () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'policylint-boot-other-'));
    try {
      const other = join(otherDir, 'app.cjs');
      writeFileSync(other, BUNDLE);
      writeFileSync(join(otherDir, 'helper.cjs'), 'exports.double = (x) => 2 * x;\n');
      const gone = run(other, cacheDir).report.cacheFile!;
      const kept = run(bundle, cacheDir).report.cacheFile!;
      assert.deepEqual(caches(cacheDir).sort(), [gone, kept].map((f) => f.split('/').pop()).sort(), 'both bundles exist: both caches stay');
      rmSync(otherDir, { recursive: true, force: true });
      // A new build of the remaining bundle writes a cache, and prunes.
      writeFileSync(bundle, BUNDLE.replace('sum(10)', 'sum(12)'));
      const future = new Date(statSync(bundle).mtimeMs + 5000);
      utimesSync(bundle, future, future);
      const rebuilt = run(bundle, cacheDir).report.cacheFile!;
      assert.deepEqual(caches(cacheDir), [rebuilt.split('/').pop()]);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('removes a cache without a header (an older format) only when it is a month old', () => {
    mkdirSync(cacheDir, { recursive: true });
    const old = join(cacheDir, 'v8-000000000000-111111111111.cache');
    const recent = join(cacheDir, 'v8-222222222222-333333333333.cache');
    writeFileSync(old, Buffer.from('cached data of an older format'));
    writeFileSync(recent, Buffer.from('cached data of an older format'));
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(old, monthAgo, monthAgo);
    const written = run(bundle, cacheDir).report.cacheFile!;
    assert.deepEqual(caches(cacheDir).sort(), [recent, written].map((f) => f.split('/').pop()).sort());
  });

  it('does not take a cache written for another bundle path', () => {
    const first = run(bundle, cacheDir);
    const copy = join(dir, 'copy.cjs');
    writeFileSync(copy, BUNDLE);
    const stat = statSync(bundle);
    utimesSync(copy, stat.atime, stat.mtime);
    // The cache of `bundle` (same source: V8 alone would take it) under the name of `copy`'s.
    const named = run(copy, cacheDir);
    writeFileSync(named.report.cacheFile!, readFileSync(first.report.cacheFile!));
    const again = run(copy, cacheDir);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.report.cacheUsed, false);
  });

  it('writes nothing with the cache turned off (POLICYLINT_CACHE_DIR="") or unwritable', () => {
    const off = run(bundle, '');
    assert.equal(off.status, 0, off.stderr);
    assert.equal(off.report.cacheFile, undefined);
    writeFileSync(join(dir, 'a-file'), '');
    const unwritable = run(bundle, join(dir, 'a-file', 'cache'));
    assert.equal(unwritable.status, 0, unwritable.stderr);
    assert.equal(JSON.parse(unwritable.stdout).answer, 90);
  });

  it('bin/policylint.js runs the fresh bundle with the cache (npm test bundles after compiling)', function () {
    const mtime = (p: string): number => statSync(join(REPO, p)).mtimeMs;
    // After a bare `tsc -b` the compiled build is newer and bin rightly runs that instead.
    if (mtime('dist/cli.cjs') < mtime('out/.tsbuildinfo') || process.env.POLICYLINT_BUNDLE === '0') this.skip();
    const args = [join(REPO, 'bin', 'policylint.js'), '--format', 'json', join(REPO, 'examples', 'strandvik-internationell-strategi.md')];
    const viaBin = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, POLICYLINT_CACHE_DIR: cacheDir } });
    assert.equal(caches(cacheDir).length, 1, 'the bundle wrote its code cache');
    const esm = spawnSync(process.execPath, [join(REPO, 'out', 'server', 'src', 'cli', 'cli.js'), ...args.slice(1)], { encoding: 'utf8', env: { ...process.env, POLICYLINT_CACHE_DIR: cacheDir } });
    assert.equal(viaBin.status, esm.status);
    assert.equal(viaBin.stdout, esm.stdout);
  });
});
