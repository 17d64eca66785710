import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Peak RSS of a Node command, in MB: the command runs under a wrapper that prints the
 * process's maxRSS as it exits (worker threads included; they share the process).
 */
export function peakRssMb(repo: string, script: string, args: string[], cwd: string): { mb: number; ms: number } {
  const wrapper = join(repo, '.bench', 'maxrss.mjs');
  writeFileSync(
    wrapper,
    [
      "process.on('exit', () => process.stderr.write(`\\nMAXRSS ${process.resourceUsage().maxRSS}\\n`));",
      '// The wrapped script reads its arguments from argv[2] on, as if started directly.',
      'process.argv.splice(1, 1);',
      'await import(new URL(`file://${process.argv[1]}`).href);',
    ].join('\n'),
  );
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [wrapper, script, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const kb = Number(/MAXRSS (\d+)/.exec(r.stderr.toString())?.[1] ?? NaN);
  return { mb: kb / 1024, ms };
}
