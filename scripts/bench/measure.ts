import { spawnSync } from 'node:child_process';

export interface Timing {
  label: string;
  runs: number[];
  median: number;
  exitCode: number | null;
}

/** Runs a command several times (after one warm-up) and keeps the wall-clock times in ms. */
export function timeCommand(label: string, command: string, args: string[], options: { cwd: string; runs?: number; env?: NodeJS.ProcessEnv }): Timing {
  const runs: number[] = [];
  let exitCode: number | null = null;
  const total = (options.runs ?? 3) + 1;
  for (let i = 0; i < total; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.error) throw r.error;
    exitCode = r.status;
    if (i > 0) runs.push(ms); // the first run warms the file cache
  }
  return { label, runs, median: median(runs), exitCode };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
