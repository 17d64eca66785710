import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CliRun } from '../helpers/cli.js';
import { REPO, TODAY } from '../helpers/paths.js';

/**
 * Runs the real executable with a subcommand first (`policylint report …`, as users type it)
 * and today's date pinned after it; `input` goes to standard input.
 */
export function sub(command: string, args: string[], cwd: string, input?: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'policylint.js'), ...(command ? [command] : []), '--today', TODAY, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
