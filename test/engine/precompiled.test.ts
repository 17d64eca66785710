import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePatterns } from '../../server/src/engine/match/pattern.js';
import { mayMatch } from '../../server/src/engine/match/fragments.js';
import { compilerIdOf, usePrecompiled, type PrecompiledSet } from '../../server/src/engine/match/precompiled.js';
import { snapshotPatterns } from '../../server/src/engine/rules/parsedSnapshot.js';
import { loadRuleSet } from '../../server/src/engine/index.js';
import { buildVocabulary } from '../../server/src/engine/rules/vocabulary.js';
import { REPO } from '../helpers/paths.js';

const MATCH_DIR = join(REPO, 'out', 'server', 'src', 'engine', 'match');

/** The build's compiled lists (npm test writes rules/.parsed.json after compiling). */
function buildSet(): PrecompiledSet {
  loadRuleSet();
  const set = snapshotPatterns();
  assert.ok(set, 'rules/.parsed.json holds the compiled pattern lists');
  return set;
}

describe('pattern lists compiled at build time (match/precompiled)', function () {
  this.timeout(120_000);
  afterEach(() => usePrecompiled(snapshotPatterns()));

  it('holds what the compiler gives, compiled afresh, for every list it has', () => {
    // A fresh process compiles every list the snapshot script asks for, recording, and prints them.
    const script = `
      const { compileRuleSetPatterns } = await import(${JSON.stringify(join(REPO, 'out', 'scripts', 'patternLists.js'))});
      console.log(JSON.stringify(compileRuleSetPatterns(${JSON.stringify(REPO)})));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(child.status, 0, child.stderr);
    const fresh = JSON.parse(child.stdout) as PrecompiledSet;
    const built = buildSet();
    assert.equal(built.compiler, fresh.compiler, 'made by this compiler');
    const keys = Object.keys(built.entries);
    assert.ok(keys.length > 100, `${keys.length} lists`);
    for (const key of keys) assert.deepEqual(built.entries[key], fresh.entries[key], key);
  });

  it('is used only by the compiler that made it', () => {
    const built = buildSet();
    const ruleSet = loadRuleSet();
    const vocabulary = buildVocabulary(ruleSet.bodies, ruleSet.intervals);
    // A list the loader compiles, so the snapshot has it.
    const verbs = [...ruleSet.rules.values()].flatMap((r) => (r.check.kind === 'adoption' ? [r.check.verbs] : []))[0]!;
    usePrecompiled(undefined);
    const fresh = compilePatterns(verbs, vocabulary);
    const compiled = fresh.source;
    // From the build: the same expression, flags and prefilter.
    usePrecompiled(built);
    const fromBuild = compilePatterns(verbs, vocabulary);
    assert.deepEqual([fromBuild.source, fromBuild.flags], [fresh.source, fresh.flags]);
    const lines = readFileSync(join(REPO, 'examples', 'strandvik-internationell-strategi.md'), 'utf8').split('\n');
    assert.deepEqual(
      lines.map((l) => mayMatch(fromBuild, l)),
      lines.map((l) => mayMatch(fresh, l)),
    );
    assert.ok(
      lines.some((l) => !mayMatch(fromBuild, l)),
      'the prefilter rules lines out',
    );
    // The same entries with every expression replaced: this compiler takes them ...
    const replaced = (compiler: string): PrecompiledSet => ({ compiler, entries: Object.fromEntries(Object.keys(built.entries).map((k) => [k, ['replaced', null]])) });
    usePrecompiled(replaced(built.compiler));
    assert.equal(compilePatterns(verbs, vocabulary).source, 'replaced');
    // ... another does not, and compiles the list itself.
    usePrecompiled(replaced('another compiler'));
    assert.equal(compilePatterns(verbs, vocabulary).source, compiled);
  });

  it('names the compiler by its code: a changed file is another compiler', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-match-'));
    try {
      for (const name of readdirSync(MATCH_DIR).filter((f) => f.endsWith('.js'))) copyFileSync(join(MATCH_DIR, name), join(dir, name));
      assert.equal(compilerIdOf(dir), compilerIdOf(MATCH_DIR));
      writeFileSync(join(dir, 'literal.js'), `${readFileSync(join(dir, 'literal.js'), 'utf8')}\n// changed\n`);
      assert.notEqual(compilerIdOf(dir), compilerIdOf(MATCH_DIR));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is what the bundles use: they carry this compiler's name (npm test bundles after compiling)", function () {
    const mtime = (p: string): number => statSync(join(REPO, p)).mtimeMs;
    if (mtime('dist/cli.cjs') < mtime('out/.tsbuildinfo')) this.skip();
    const id = JSON.stringify(compilerIdOf(MATCH_DIR));
    for (const bundle of ['cli.cjs', 'cli-worker.cjs', 'server.cjs']) assert.ok(readFileSync(join(REPO, 'dist', bundle), 'utf8').includes(id), bundle);
  });
});
