// Small helpers for the editor-test runner: logging, bounded waits, processes, ports.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = resolve(root, '.vscode-test');

const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
export const log = (message) => console.log(`[editor-test ${elapsed()}] ${message}`);

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rejects after `ms` with a message that says what was being waited for. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check` (may be async) until it returns a truthy value, at most `ms`. */
export async function poll(check, ms, what, every = 250) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s: ${what}`);
    await sleep(every);
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Runs a command to its end, with a time limit; resolves with its exit code and output.
 * `echo` streams the output through as it comes.
 */
export function run(command, args, { cwd = root, env = process.env, timeoutMs = 300_000, echo = false } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const take = (stream) => (chunk) => {
      output += chunk;
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`timed out after ${timeoutMs / 1000} s: ${command} ${args.join(' ')}\n${output.slice(-4000)}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** Signals a child started with `detached: true` and everything it started (its process group). */
export function killGroup(child, signal = 'SIGTERM') {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Ends a process group: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopGroup(child, graceMs = 5000) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // grandchildren may outlive the leader
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  const ok = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  killGroup(child, 'SIGKILL');
  if (!ok) await Promise.race([exited, sleep(2000)]);
}
