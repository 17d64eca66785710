import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { workspace } from '../helpers/cli.js';
import { REPO, TODAY } from '../helpers/paths.js';
import { vendoredSchema } from '../helpers/schemas.js';
import { COMPLETE, WORDS } from './drafts.js';

const DRAFT = '# Internationell policy\n\nKommunen skall arbeta internationellt.\n';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

/**
 * Runs action.yml's composite steps the way the runner does, for what the runner gives a
 * composite action: `${{ }}` expressions over inputs, github and step outputs, `if:`
 * conditions of the forms the action uses, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and
 * `bash --noprofile --norc -eo pipefail` for `run:`. `uses:` steps are recorded, not run.
 */
/** A workflow expression's value as text, as GitHub prints it (nothing for null and undefined). */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function runAction(inputs: Record<string, string>, cwd: string, event: Record<string, unknown>) {
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;
  assert.equal(action.runs.using, 'composite');
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) values[name] = inputs[name] ?? spec.default ?? '';
  const context = { inputs: values, github: { action_path: REPO, token: 'test-token', event }, steps: {} as Record<string, { outputs: Record<string, string> }> };
  const lookup = (path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), context);
  const evaluate = (expression: string): unknown => {
    const terms = expression.split('&&').map((t) => t.trim());
    let value: unknown = true;
    for (const term of terms) {
      const m = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(term);
      value = m ? (m[2] === '==') === (asText(lookup(m[1]!)) === m[3]) : lookup(term);
      if (!value) return value;
    }
    return value;
  };
  const substitute = (text: string): string => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, e: string) => asText(evaluate(e)));
  const bin = mkdtempSync(join(tmpdir(), 'policylint-gh-'));
  const ghLog = join(bin, 'gh.log');
  // A stand-in for the GitHub CLI: records what it was asked to do.
  writeFileSync(join(bin, 'gh'), `#!/bin/sh\necho "$@" >> "${ghLog}"\nif [ "$4" = "--edit-last" ]; then exit 1; fi\n`);
  chmodSync(join(bin, 'gh'), 0o755);
  const summary = join(bin, 'summary.md');
  writeFileSync(summary, '');
  const used: { uses: string; with: Record<string, string> }[] = [];
  const logs: string[] = [];
  let failed: { step: string; code: number } | undefined;
  for (const step of action.runs.steps) {
    if (step.if && !evaluate(step.if)) continue;
    if (step.uses) {
      used.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(asText(v))])) });
      continue;
    }
    assert.equal(step.shell, 'bash', 'composite run steps must name their shell');
    const output = join(bin, `output-${step.id ?? used.length}`);
    writeFileSync(output, '');
    const script = join(bin, 'step.sh');
    writeFileSync(script, substitute(step.run!));
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(asText(v))]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' },
    });
    logs.push(r.stdout + r.stderr);
    if (step.id) {
      context.steps[step.id] = {
        outputs: Object.fromEntries(
          readFileSync(output, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
        ),
      };
    }
    if (r.status !== 0) {
      failed = { step: step.name ?? step.id ?? '?', code: r.status ?? -1 };
      break;
    }
  }
  return { used, logs: logs.join(''), failed, summary: readFileSync(summary, 'utf8'), gh: existsSync(ghLog) ? readFileSync(ghLog, 'utf8') : '', steps: context.steps };
}

describe('integrations shipped in the repository', function () {
  this.timeout(180_000);

  describe('action.yml', () => {
    it('annotates, writes valid SARIF for upload, puts the register in the summary and the comment, and fails on errors', () => {
      const dir = workspace({ 'docs/draft.md': DRAFT, 'docs/policy.md': COMPLETE, '.policylint/ordlista.txt': WORDS });
      const run = runAction({ paths: 'docs', comment: 'true', today: TODAY }, dir, { pull_request: { number: 7 } });
      assert.match(run.logs, /^::error file=docs\/draft\.md,line=1,/m);
      assert.equal(run.steps.lint!.outputs['exit-code'], '1');
      const upload = run.used.find((u) => u.uses.startsWith('github/codeql-action/upload-sarif@'))!;
      assert.equal(upload.with.sarif_file, 'policylint.sarif');
      const sarif = JSON.parse(readFileSync(join(dir, 'policylint.sarif'), 'utf8'));
      assert.ok(vendoredSchema('sarif-schema-2.1.0.json')(sarif));
      assert.match(run.summary, /\| `docs\/draft\.md` \| Internationell policy \|/);
      assert.match(run.summary, /\| `docs\/policy\.md` \|.*✅ ok/);
      // First run: --edit-last finds no comment (the stand-in says so), so one is created.
      assert.deepEqual(run.gh.trim().split('\n'), ['pr comment 7 --edit-last --body-file policylint-report.md', 'pr comment 7 --body-file policylint-report.md']);
      assert.deepEqual(run.failed, { step: 'Slutkod / exit code', code: 1 });
      assert.ok(run.used.some((u) => u.uses.startsWith('actions/setup-node@') && u.with['node-version'] === '20'));
    });

    it('passes on a clean folder; no comment outside a pull request; inputs turn parts off', () => {
      const dir = workspace({ 'policy.md': COMPLETE, '.policylint/ordlista.txt': WORDS });
      const run = runAction({ comment: 'true', sarif: 'false', today: TODAY }, dir, {});
      assert.equal(run.failed, undefined, run.logs);
      assert.equal(run.steps.lint!.outputs['exit-code'], '0');
      assert.equal(run.gh, '');
      assert.equal(
        run.used.some((u) => u.uses.startsWith('github/codeql-action')),
        false,
      );
      assert.equal(existsSync(join(dir, 'policylint.sarif')), false);
      const lenient = runAction({ 'fail-on-error': 'false', report: 'false', today: TODAY }, workspace({ 'draft.md': DRAFT }), {});
      assert.equal(lenient.failed, undefined);
      assert.equal(lenient.summary, '');
    });
  });

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types: string[] }[];
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    /** As pre-commit runs a node hook: the entry (a bin of the package) with the staged files appended. */
    const runHook = (id: string, files: string[], cwd: string) => {
      const hook = hooks.find((h) => h.id === id)!;
      const [command, ...args] = hook.entry.split(/\s+/);
      return spawnSync(process.execPath, [join(REPO, pkg.bin[command!]!), ...args, '--today', TODAY, ...files], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    };

    it('declares node hooks on Markdown whose entry is the package bin', () => {
      for (const hook of hooks) {
        assert.equal(hook.language, 'node');
        assert.deepEqual(hook.types, ['markdown']);
        assert.ok(pkg.bin[hook.entry.split(/\s+/)[0]!], `${hook.entry} is a bin of the package`);
      }
      assert.deepEqual(
        hooks.map((h) => h.id),
        ['policylint', 'policylint-fix'],
      );
    });

    it('fails the commit on a draft with errors, passes a complete one, and the fix hook fixes', () => {
      const dir = workspace({ 'draft.md': DRAFT, 'policy.md': COMPLETE, '.policylint/ordlista.txt': WORDS });
      assert.equal(runHook('policylint', ['policy.md'], dir).status, 0);
      const bad = runHook('policylint', ['draft.md', 'policy.md'], dir);
      assert.equal(bad.status, 1);
      assert.match(bad.stdout, /draft\.md/);
      runHook('policylint-fix', ['draft.md'], dir);
      assert.match(readFileSync(join(dir, 'draft.md'), 'utf8'), /Kommunen ska arbeta/);
    });
  });

  describe('npm pack', () => {
    it('the tarball holds what the CLI needs and runs from an install outside the repository', () => {
      const dest = mkdtempSync(join(tmpdir(), 'policylint-pack-'));
      // Scripts off: out/ is built by the test run; `prepare` would rebuild it.
      const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO, encoding: 'utf8' });
      assert.equal(packed.status, 0, packed.stderr);
      const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
      const paths = new Set(info!.files.map((f) => f.path));
      for (const needed of [
        'bin/policylint.js',
        'bin/launch.js',
        'bin/package.json',
        'out/server/src/cli/cli.js',
        'out/server/src/cli/worker.js',
        'out/server/src/cli/report/html.js',
        'rules/adoption.yml',
        'rules/schema/config.schema.json',
        'README.md',
        'package.json',
      ])
        assert.ok(paths.has(needed), needed);
      // The bundle, when there is one, with the runner bin/ starts it with.
      if (paths.has('dist/cli.cjs')) assert.ok(paths.has('dist/boot.cjs'), 'dist/boot.cjs');
      assert.equal(
        [...paths].some((p) => p.startsWith('out/test/') || p.startsWith('test/')),
        false,
        'no tests in the package',
      );
      // Installed as npm lays it out: the package under node_modules/policylint, its
      // dependencies beside it (linked to this checkout's, since the registry is not used here).
      const project = mkdtempSync(join(tmpdir(), 'policylint-install-'));
      const target = join(project, 'node_modules', 'policylint');
      mkdirSync(target, { recursive: true });
      const untar = spawnSync('tar', ['xzf', join(dest, info!.filename), '-C', target, '--strip-components=1'], { encoding: 'utf8' });
      assert.equal(untar.status, 0, untar.stderr);
      for (const name of readdirSync(join(REPO, 'node_modules'))) {
        if (name === '.bin' || name === 'policylint') continue;
        symlinkSync(join(REPO, 'node_modules', name), join(project, 'node_modules', name));
      }
      writeFileSync(join(project, 'draft.md'), DRAFT);
      const cliPath = join(target, 'bin', 'policylint.js');
      const report = spawnSync(process.execPath, [cliPath, 'report', '--today', TODAY, 'draft.md', '-f', 'json'], { cwd: project, encoding: 'utf8' });
      assert.equal(report.status, 0, report.stderr);
      assert.equal((JSON.parse(report.stdout) as { status: string }[])[0]!.status, 'incomplete');
      const pooled = spawnSync(process.execPath, [cliPath, '--today', TODAY, 'draft.md', '--workers', '1', '-f', 'json'], { cwd: project, encoding: 'utf8' });
      assert.equal(pooled.status, 1, pooled.stderr);
      assert.ok((JSON.parse(pooled.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.some((m) => m.ruleId === 'spelling' || m.ruleId === 'skall'));
    });
  });
});
