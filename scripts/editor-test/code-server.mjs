// The suite in code-server (a complete VS Code 1.100.3 served to a browser), driven by headless
// Chromium through playwright-core. See /work/shared/notes/real-editor-tests.md.
//
// code-server has no --extensionDevelopmentPath flag, but its workbench takes the same
// development and test options as a `payload` URL parameter. The test module runs in the real
// Node extension host; the workbench reports the result through `codeAutomationExit(code)`
// and its log through `codeAutomationLog(level, message)`, which this page exposes.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, freePort, log, poll, run, sleep, stopGroup, withTimeout } from './util.mjs';

export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3, the newest that runs on Node 20
const installDir = join(cacheDir, 'code-server');
const entry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
// @vscode/ripgrep (a code-server dependency) downloads rg from GitHub in its postinstall unless
// its cache already holds the archive: give it Debian's rg under the name it looks for.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function codeServerInstalled() {
  if (!existsSync(entry)) return false;
  try {
    const pkg = JSON.parse(readFileSync(join(installDir, 'node_modules', 'code-server', 'package.json'), 'utf8'));
    return pkg.version === CODE_SERVER_VERSION && existsSync(join(installDir, '.complete'));
  } catch {
    return false;
  }
}

/** What is missing to install code-server here (Debian packages), or [] if it can be tried. */
export function codeServerPrerequisites() {
  const missing = [];
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  if (process.platform !== 'linux' || process.arch !== 'x64') missing.push(`linux-x64 (this is ${process.platform}-${process.arch})`);
  if (!has('rg')) missing.push('ripgrep (rg)');
  if (!has('make') || !has('g++')) missing.push('build-essential');
  if (!has('python3')) missing.push('python3');
  if (!has('pkg-config')) missing.push('pkg-config');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  return missing;
}

/** Installs code-server into .vscode-test/code-server (once; about 90 s cold, 300 MB). */
export async function ensureCodeServer() {
  if (codeServerInstalled()) return;
  const missing = codeServerPrerequisites();
  if (missing.length) {
    throw new Error(`cannot install code-server: missing ${missing.join(', ')}.\n` + '  apt-get install -y build-essential python3 pkg-config libkrb5-dev ripgrep chromium');
  }
  log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (about 90 s the first time)`);
  const tmp = process.env.TMPDIR || tmpdir();
  const rgCache = join(tmp, RIPGREP_CACHE);
  mkdirSync(rgCache, { recursive: true });
  if (!existsSync(join(rgCache, RIPGREP_ARCHIVE))) {
    const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
    const tar = spawnSync('tar', ['czf', join(rgCache, RIPGREP_ARCHIVE), '-C', join(rg, '..'), 'rg']);
    if (tar.status !== 0) throw new Error(`could not pack ${rg} for @vscode/ripgrep: ${tar.stderr}`);
  }
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), '{ "name": "code-server-cache", "private": true }\n');
  // Not the settings of an `npm run` around us (npm_config_local_prefix would point at the
  // repository): the machine's npmrc files still apply.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = {
    ...inherited,
    // node-pty's install script runs `npx node-gyp`; the machine's npm config says yes=false.
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = await run(npm, ['install', '--prefix', installDir, '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: installDir, env, timeoutMs: 600_000 });
  if (r.code !== 0 || !existsSync(entry)) {
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.code}):\n${r.output.slice(-4000)}`);
  }
  writeFileSync(join(installDir, '.complete'), `${CODE_SERVER_VERSION}\n`);
  log('code-server installed');
}

/** `code-server --install-extension x.vsix` into the run's extensions folder. */
export async function installVsix(vsix, dirs) {
  const r = await run(process.execPath, [entry, ...commonArgs(dirs), '--force', '--install-extension', vsix], { timeoutMs: 60_000, env: serverEnv(dirs, {}) });
  if (r.code !== 0 || !/successfully installed|already installed/i.test(r.output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.code}):\n${r.output}`);
  }
  log(`installed ${vsix} with code-server --install-extension`);
}

function commonArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config];
}

function serverEnv(dirs, extra) {
  // XDG dirs keep code-server from writing into the user's home.
  return { ...process.env, XDG_CONFIG_HOME: dirs.xdg, XDG_DATA_HOME: dirs.xdg, ...extra };
}

/**
 * Runs the suite: starts code-server on 127.0.0.1, opens the workbench with the test payload in
 * Chromium, waits for the exit code. Takes a screenshot of the Problems panel when the suite
 * signals that it shows diagnostics. Everything it starts is stopped before it returns.
 */
export async function runInCodeServer({ dirs, workspace, extensionDevelopmentPath, extensionTestsPath, env, timeoutMs, screenshot, signalDir, resultsDir, reload = false }) {
  const { chromium } = await import('playwright-core');
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const remote = (path) => `vscode-remote://${authority}${path}`;
  const serverLog = createWriteStream(join(dirs.run, 'code-server.log'));
  let server;
  let browserServer;
  let browser;
  const cleanup = () => {
    // Synchronous last resort if the runner itself is ended.
    try {
      if (server?.pid) process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    try {
      browserServer?.process()?.kill('SIGKILL');
    } catch {
      /* gone */
    }
  };
  const onSignal = (signal) => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', cleanup);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`starting code-server on ${authority}`);
    server = spawn(
      process.execPath,
      [
        entry,
        ...commonArgs(dirs),
        '--bind-addr',
        authority,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--disable-file-downloads',
        '--ignore-last-opened',
      ],
      { env: serverEnv(dirs, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    server.stdout.pipe(serverLog);
    server.stderr.pipe(serverLog);
    const serverExited = new Promise((r) => server.once('exit', (code) => r(code)));
    await withTimeout(
      Promise.race([
        poll(
          async () => {
            try {
              return (await fetch(`http://${authority}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
            } catch {
              return false;
            }
          },
          60_000,
          'code-server /healthz',
        ),
        serverExited.then((code) => {
          throw new Error(`code-server exited (${code}) before it was up; see ${join(dirs.run, 'code-server.log')}`);
        }),
      ]),
      65_000,
      'code-server start',
    );
    log('code-server is up');

    browserServer = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000, host: '127.0.0.1' });
    browser = await chromium.connect(browserServer.wsEndpoint(), { timeout: 30_000 });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let exitCode;
    let exited = new Promise((resolveExit) => {
      exitCode = resolveExit;
    });
    const workbenchLog = createWriteStream(join(dirs.run, 'workbench.log'));
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = Array.isArray(message) ? message.join(' ') : String(message);
      workbenchLog.write(`[${level}] ${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exitCode(Number(code)));
    page.on('pageerror', (e) => workbenchLog.write(`[pageerror] ${e.message}\n`));
    page.on('console', (m) => workbenchLog.write(`[console.${m.type()}] ${m.text()}\n`));

    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(extensionTestsPath)],
    ];
    const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: 60_000, waitUntil: 'domcontentloaded' });
    log('workbench opened; the suite runs in the extension host');

    // The suite writes `ready` into signalDir when the Problems panel shows its diagnostics
    // and waits (bounded) for `done`.
    const shot = (async () => {
      if (!screenshot) return;
      const ready = join(signalDir, 'problems-ready');
      await poll(() => existsSync(ready), timeoutMs, 'the suite to open the Problems panel', 500).catch(() => undefined);
      if (!existsSync(ready)) return;
      try {
        const rows = page.locator('.markers-panel .monaco-list-row');
        await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
        await sleep(500); // let the list finish its layout
        const texts = await rows.allInnerTexts();
        await page.screenshot({ path: screenshot, timeout: 15_000 });
        writeFileSync(join(signalDir, 'problems.json'), JSON.stringify(texts, null, 2));
        log(`screenshot of the Problems panel (${texts.length} rows): ${screenshot}`);
      } catch (e) {
        writeFileSync(join(signalDir, 'problems-error.txt'), String(e));
        log(`could not take the Problems screenshot: ${e.message}`);
      } finally {
        writeFileSync(join(signalDir, 'problems-done'), '');
      }
    })();

    const shots = serveScreenshotRequests(page, signalDir, resultsDir);
    const suiteDone = (what) =>
      withTimeout(
        Promise.race([
          exited,
          serverExited.then((c) => {
            throw new Error(`code-server exited (${c}) during the run; see ${join(dirs.run, 'code-server.log')}`);
          }),
        ]),
        timeoutMs,
        what,
      );
    const code = await suiteDone('the suite to finish in code-server');
    await withTimeout(shot, 20_000, 'the Problems screenshot').catch((e) => log(e.message));

    // Developer: Reload Window, twice. After the suite the extension host has stopped, so the
    // first reload only brings a fresh window; there the suite opens a draft (and measures how
    // soon its diagnostics come) and, with the extension running, asks for the second reload;
    // the window after it checks the logs of both. See test/editor/suite/reload.ts.
    let reloadCode = 0;
    if (reload) {
      for (const phase of ['fresh-window', 'after-reload']) {
        if (phase === 'after-reload') await poll(() => existsSync(join(signalDir, 'live-ready')), 120_000, 'the fresh window to open a draft', 300);
        writeFileSync(join(signalDir, 'phase'), phase);
        const next = new Promise((r) => {
          exitCode = r;
        });
        await reloadWindow(page);
        log(`Developer: Reload Window (${phase})`);
        exited = next;
        if (phase === 'after-reload') reloadCode = await suiteDone('the suite after Developer: Reload Window');
      }
    }
    shots.stop();
    workbenchLog.end();
    return code || reloadCode;
  } finally {
    await withTimeout(browser?.close() ?? Promise.resolve(), 10_000, 'closing the browser').catch(() => undefined);
    await withTimeout(browserServer?.kill() ?? Promise.resolve(), 10_000, 'stopping chromium').catch(() => undefined);
    await stopGroup(server);
    serverLog.end();
    process.removeListener('exit', cleanup);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    log('code-server and chromium stopped');
  }
}

/** "Developer: Reload Window" through the command palette, as a user reloads. */
async function reloadWindow(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill('>Developer: Reload Window');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/**
 * Screenshots on the suite's request: it writes shot-<name>.request into the signal folder
 * when a view shows what it should (optionally { click: [selectors] }, clicked first); the page
 * goes to test-results/<name>.png and
 * shot-<name>.done tells the suite to go on.
 */
function serveScreenshotRequests(page, signalDir, resultsDir) {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      for (const f of readdirSync(signalDir).filter((n) => /^shot-[\w-]+\.request$/.test(n))) {
        const name = f.slice(5, -8);
        // The request may name elements to click first (a pane header to collapse, say).
        const { click = [] } = JSON.parse(readFileSync(join(signalDir, f), 'utf8') || '{}');
        rmSync(join(signalDir, f), { force: true });
        try {
          for (const selector of click)
            await page
              .locator(selector)
              .first()
              .click({ timeout: 5_000 })
              .catch((e) => log(`could not click ${selector}: ${e.message}`));
          await sleep(300); // let hovers and lists finish their layout
          await page.screenshot({ path: join(resultsDir, `${name}.png`), timeout: 15_000 });
          log(`screenshot ${name}.png`);
        } catch (e) {
          log(`could not take the screenshot ${name}: ${e.message}`);
        }
        writeFileSync(join(signalDir, `shot-${name}.done`), '');
      }
    } finally {
      busy = false;
    }
  }, 250);
  return { stop: () => clearInterval(timer) };
}
