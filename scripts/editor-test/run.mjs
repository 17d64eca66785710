#!/usr/bin/env node
// `npm run test:editor`: the editor suite (test/editor/suite) in a real VS Code.
//
//   node scripts/editor-test/run.mjs [--runner=code-server|electron] [--vsix=<file>] [--dev]
//                                    [--grep=<pattern>] [--timeout=<seconds>] [--no-package] [--no-reload]
//
// What is tested: by default the packaged extension. `npm run package` makes the .vsix (or
// --vsix names one), a Node test checks its contents (test/editor/vsix.test.ts), and the
// editor installs it with --install-extension, as a user would. --dev runs the working tree's
// bundles instead (extensionDevelopmentPath = the repository; run scripts/bundle.mjs first).
//
// Where: code-server (VS Code 1.100.3 in headless Chromium, installed once into
// .vscode-test/code-server) on machines that cannot download VS Code, like ours; desktop VS Code
// through @vscode/test-electron where its download host answers. Chosen automatically; --runner
// forces one.
//
// Exit code: 0 when every test passed (and, in code-server, the Problems panel screenshot shows
// policylint's diagnostics), 1 otherwise, 2 for usage errors.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSuite } from './build-suite.mjs';
import { elapsed, log, root, run, withTimeout } from './util.mjs';

const TODAY = '2026-11-23'; // as the unit tests: expired-period and review-overdue stay put
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name) => args.includes(`--${name}`);
const known = ['runner', 'vsix', 'dev', 'grep', 'timeout', 'no-package', 'no-reload', 'help'];
for (const a of args) {
  if (!known.includes(a.replace(/^--/, '').replace(/=.*$/, ''))) usage(`unknown argument ${a}`);
}
if (flag('help')) usage();
const forced = option('runner');
if (forced && !['code-server', 'electron'].includes(forced)) usage(`--runner must be code-server or electron, not ${forced}`);
const timeoutMs = Number(option('timeout') ?? 300) * 1000;
if (!(timeoutMs > 0)) usage('--timeout takes seconds');

function usage(problem) {
  const text = readFileSync(new URL(import.meta.url), 'utf8')
    .split('\n')
    .slice(1, 7)
    .map((l) => l.replace(/^\/\/ ?/, ''))
    .join('\n');
  if (problem) console.error(`editor-test: ${problem}`);
  console.error(text);
  process.exit(problem ? 2 : 0);
}

/** Is the VS Code download host reachable (bounded: 5 s)? */
async function vscodeDownloadable() {
  try {
    const r = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(5000) });
    return r.ok;
  } catch {
    return false;
  }
}

async function chooseRunner() {
  if (forced) return forced;
  const { codeServerInstalled, codeServerPrerequisites } = await import('./code-server.mjs');
  if (codeServerInstalled()) return 'code-server';
  // Desktop VS Code needs a display on Linux (xvfb-run … npm run test:editor in CI).
  const display = process.platform !== 'linux' || !!process.env.DISPLAY;
  if (display && (await vscodeDownloadable())) return 'electron';
  if (codeServerPrerequisites().length === 0) return 'code-server';
  throw new Error(
    'neither runner can work here: the VS Code download host does not answer (or there is no display) ' + `and code-server cannot be installed (missing ${codeServerPrerequisites().join(', ')}).`,
  );
}

async function main() {
  const runner = await chooseRunner();
  log(`runner: ${runner}${forced ? ' (--runner)' : ' (chosen automatically)'}`);
  const failures = [];

  // 1. The extension under test.
  let vsix;
  if (!flag('dev')) {
    vsix = option('vsix');
    if (!vsix) {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      vsix = join(root, `${pkg.name}-${pkg.version}.vsix`);
      if (!flag('no-package')) {
        log('npm run package');
        const r = await run(process.execPath, ['scripts/package.mjs'], { timeoutMs: 300_000 });
        if (r.code !== 0) throw new Error(`npm run package failed:\n${r.output.slice(-6000)}`);
        log(r.output.trim().split('\n').at(-1));
      }
    }
    if (!existsSync(vsix)) throw new Error(`${vsix} does not exist (npm run package makes it)`);
  } else if (!existsSync(join(root, 'dist', 'client.cjs'))) {
    throw new Error('--dev runs dist/client.cjs: run node scripts/bundle.mjs (and npm run package for the dictionary) first');
  }

  // 2. The suite, compiled for the extension host; the vsix contents test, in Node.
  const built = await buildSuite();
  if (vsix && built.vsixTest) {
    log(`vsix contents test on ${relative(root, vsix)}`);
    const r = await run(process.execPath, [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--reporter', 'spec', built.vsixTest], {
      env: { ...process.env, POLICYLINT_VSIX: vsix },
      timeoutMs: 60_000,
      echo: true,
    });
    if (r.code !== 0) failures.push('the vsix contents test');
  }

  // 3. A fresh run folder: workspace copy, user data, extensions, the test harness extension.
  // Outside the repository, so that the installed extension cannot borrow anything from the
  // repository's node_modules (as it could not on a user's machine).
  const runDir = mkdtempSync(join(tmpdir(), 'policylint-editor-test-'));
  log(`run folder ${runDir}`);
  const dirs = {
    run: runDir,
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    xdg: join(runDir, 'xdg'),
    config: join(runDir, 'code-server.yaml'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdg]) mkdirSync(d, { recursive: true });
  writeFileSync(dirs.config, '# code-server config for the editor tests; the rest is on the command line\nauth: none\ndisable-telemetry: true\ndisable-update-check: true\n');
  const workspace = join(runDir, 'workspace');
  cpSync(join(root, 'test', 'editor', 'workspace'), workspace, { recursive: true });
  const signalDir = join(runDir, 'signals');
  mkdirSync(signalDir);
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'git.enabled': false,
        'files.autoSave': 'off',
        'editor.accessibilitySupport': 'off',
        'window.commandCenter': false,
      },
      null,
      2,
    ),
  );
  // With a .vsix, the development path is an empty harness extension: extensionTestsPath needs
  // one, and the policylint extension must come from the installed .vsix, not the working tree.
  let extensionDevelopmentPath = root;
  if (vsix) {
    extensionDevelopmentPath = join(runDir, 'harness');
    mkdirSync(extensionDevelopmentPath);
    writeFileSync(
      join(extensionDevelopmentPath, 'package.json'),
      JSON.stringify(
        {
          name: 'policylint-editor-tests',
          publisher: 'policylint-tests',
          version: '0.0.0',
          private: true,
          description: 'Hosts the policylint editor suite; the extension under test is the installed .vsix.',
          engines: { vscode: '^1.100.0' },
        },
        null,
        2,
      ),
    );
  }
  const resultsDir = join(root, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const outputFile = join(runDir, 'mocha.txt');
  const env = {
    POLICYLINT_TODAY: TODAY,
    POLICYLINT_EDITOR_TEST: '1',
    POLICYLINT_EDITOR_TEST_OUTPUT: outputFile,
    // The window after a reload reads the extension's logs of every session here.
    POLICYLINT_EDITOR_TEST_LOGS: join(dirs.userData, 'logs'),
    POLICYLINT_EDITOR_TEST_RESULTS: resultsDir,
    ...(vsix ? { POLICYLINT_EDITOR_TEST_EXTENSIONS_DIR: dirs.extensions } : {}),
    ...(option('grep') ? { POLICYLINT_EDITOR_TEST_GREP: option('grep') } : {}),
  };

  // 4. The editor.
  let code;
  if (runner === 'code-server') {
    const cs = await import('./code-server.mjs');
    await cs.ensureCodeServer();
    if (vsix) await cs.installVsix(vsix, dirs);
    const screenshot = join(resultsDir, 'problems.png');
    for (const f of readdirSync(resultsDir).filter((n) => /\.(png|json)$/.test(n))) rmSync(join(resultsDir, f), { force: true });
    const tail = followFile(outputFile);
    try {
      code = await cs.runInCodeServer({
        dirs,
        workspace,
        extensionDevelopmentPath,
        extensionTestsPath: built.suiteIndex,
        env: { ...env, POLICYLINT_EDITOR_TEST_SIGNAL_DIR: signalDir },
        timeoutMs,
        screenshot,
        signalDir,
        resultsDir,
        reload: !flag('no-reload') && !option('grep'),
      });
    } finally {
      tail.stop();
    }
    // The Problems panel must show policylint's diagnostics in the screenshot.
    const rowsFile = join(signalDir, 'problems.json');
    const rows = existsSync(rowsFile) ? JSON.parse(readFileSync(rowsFile, 'utf8')) : [];
    if (!existsSync(screenshot) || !rows.some((r) => /policylint/.test(r))) {
      failures.push(
        `the Problems panel screenshot (${existsSync(join(signalDir, 'problems-error.txt')) ? readFileSync(join(signalDir, 'problems-error.txt'), 'utf8') : `${rows.length} rows, none from policylint`})`,
      );
    } else {
      writeFileSync(join(resultsDir, 'problems.txt'), `${rows.join('\n')}\n`);
      log(`Problems panel: ${rows.length} rows; screenshot ${relative(root, screenshot)}`);
    }
  } else {
    const { runInElectron } = await import('./electron.mjs');
    // VS Code's stdout (with the extension host's, so mocha's report) comes through runTests.
    code = await runInElectron({ dirs, workspace, vsix, extensionDevelopmentPath, extensionTestsPath: built.suiteIndex, env, timeoutMs });
  }
  const timings = join(resultsDir, 'first-diagnostics.json');
  if (existsSync(timings)) log(`time to diagnostics: ${readFileSync(timings, 'utf8').trim()}`);
  for (const f of ['mocha.txt', 'code-server.log', 'workbench.log']) {
    if (existsSync(join(runDir, f))) cpSync(join(runDir, f), join(resultsDir, f));
  }
  if (code !== 0) failures.push(`the editor suite (exit ${code}; logs in ${relative(root, resultsDir)}/)`);
  if (failures.length) {
    log(`FAILED: ${failures.join('; ')} (run folder kept: ${runDir})`);
    return 1;
  }
  rmSync(runDir, { recursive: true, force: true });
  log(`passed in ${elapsed()}`);
  return 0;
}

/** Prints a file's new lines as they are written (the suite's mocha output). */
function followFile(file) {
  let printed = 0;
  const flush = () => {
    try {
      if (!existsSync(file) || statSync(file).size <= printed) return;
      const bytes = readFileSync(file);
      const upTo = bytes.lastIndexOf(0x0a) + 1; // whole lines only
      if (upTo > printed) process.stdout.write(bytes.subarray(printed, upTo));
      printed = Math.max(printed, upTo);
    } catch {
      // the next tick will try again
    }
  };
  const timer = setInterval(flush, 300);
  return {
    stop: () => {
      clearInterval(timer);
      flush();
    },
  };
}

// A hard ceiling over everything, so that the runner itself can never hang CI.
withTimeout(main(), timeoutMs + 900_000, 'the whole editor test run')
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(`[editor-test] ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
