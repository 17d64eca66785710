import { spawnSync } from 'node:child_process';

export interface Timing {
  label: string;
  runs: number[];
  median: number;
  exitCode: number | null;
}

export interface CommandSpec {
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

function once(spec: CommandSpec): { ms: number; exitCode: number | null } {
  const started = process.hrtime.bigint();
  const r = spawnSync(spec.command, spec.args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) throw r.error;
  return { ms, exitCode: r.status };
}

/** Runs a command several times (after one warm-up) and keeps the wall-clock times in ms. */
export function timeCommand(label: string, command: string, args: string[], options: { cwd: string; runs?: number; env?: NodeJS.ProcessEnv }): Timing {
  return timeInterleaved([{ label, command, args, cwd: options.cwd, ...(options.env ? { env: options.env } : {}) }], options.runs ?? 3)[0]!;
}

/**
 * Runs commands in turn, round after round (after one warm-up round), so that a shared
 * machine's changing load falls on all of them alike and their ratios stay comparable.
 */
export function timeInterleaved(specs: CommandSpec[], runs: number): Timing[] {
  const timings: Timing[] = specs.map((s) => ({ label: s.label, runs: [], median: 0, exitCode: null }));
  for (let round = 0; round <= runs; round++) {
    specs.forEach((spec, i) => {
      const { ms, exitCode } = once(spec);
      timings[i]!.exitCode = exitCode;
      if (round > 0) timings[i]!.runs.push(ms); // the warm-up round fills the file cache
    });
  }
  for (const t of timings) t.median = median(t.runs);
  return timings;
}

/** The median over rounds of a's time divided by b's, from interleaved runs. */
export function medianRatio(a: Timing, b: Timing): number {
  return median(a.runs.map((ms, i) => ms / b.runs[i]!));
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
