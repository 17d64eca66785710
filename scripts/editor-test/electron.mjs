// The same suite in desktop VS Code through @vscode/test-electron, where VS Code can be
// downloaded (a developer's machine, GitHub Actions; on Linux under xvfb-run). VS Code 1.100.3,
// as code-server, so that both runners test against the same editor and engines.vscode.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cacheDir, log, withTimeout } from './util.mjs';

export const VSCODE_VERSION = '1.100.3';

export async function runInElectron({ dirs, workspace, vsix, extensionDevelopmentPath, extensionTestsPath, env, timeoutMs }) {
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');
  const vscodeExecutablePath = await withTimeout(
    downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(cacheDir, 'electron'), timeout: 60_000 }),
    600_000,
    `downloading VS Code ${VSCODE_VERSION}`,
  );
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (vsix) {
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const r = spawnSync(cli, [...cliArgs, ...common, '--force', '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`code --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    log(`installed ${vsix} with code --install-extension`);
  }
  try {
    return await withTimeout(
      runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath,
        extensionTestsPath,
        extensionTestsEnv: env,
        launchArgs: [workspace, ...common, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
      }),
      timeoutMs,
      'the suite to finish in VS Code',
    );
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('timed out')) {
      // runTests keeps its VS Code to itself; its SIGINT handlers (the second one kills the
      // process tree) are the way to end it.
      process.emit('SIGINT');
      process.emit('SIGINT');
    }
    // runTests rejects when the tests fail (VS Code's exit code is in the message).
    log(e instanceof Error ? e.message : `VS Code exited with ${e}`);
    return 1;
  }
}
