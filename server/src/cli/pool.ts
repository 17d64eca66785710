import { availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Language, Limits } from '../engine/index.js';
import { UsageError } from './files.js';
import type { FileResult } from './results.js';

export interface WorkerSetup {
  lang?: Language;
  fix: boolean;
  today?: string;
  /** The workspace (see ConfigLoaderOptions.roots). */
  roots: string[];
  limits: Limits;
  /** `-c FILE` or `--no-config` (ConfigLoaderOptions.configFile). */
  configFile?: string | false;
  reportUnusedDisableDirectives?: 'warning' | 'error';
}

export interface WorkerRequest {
  id: number;
  file: string;
}

export type WorkerResponse = { id: number; result: FileResult | undefined } | { id: number; configError: string } | { id: number; crash: string };

declare const __policylintDir: string | undefined;

function workerFile(): string {
  // The bundled CLI ships its worker next to it; the compiled one is worker.js here.
  return typeof __policylintDir === 'string' ? join(__policylintDir, 'cli-worker.cjs') : join(dirname(fileURLToPath(import.meta.url)), 'worker.js');
}

/** Below this many files a pool costs more (each worker loads the dictionary) than it saves. */
export const MIN_FILES_PER_WORKER = 24;
export const MIN_CORES_FOR_POOL = 3;
const IN_FLIGHT = 2;

export function workerCount(files: number, requested?: number, cores = availableParallelism()): number {
  if (requested !== undefined) return Math.max(0, requested);
  // On two cores a pool gained ~10 % on 400 drafts on an idle machine, lost below that and under
  // load, used 34–58 % more CPU and nearly twice the memory (each worker loads the dictionary):
  // one thread is the better default there. `--workers N` still asks for a pool.
  if (cores < MIN_CORES_FOR_POOL) return 0;
  return Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER));
}

/**
 * Lints files on worker threads. Files are handed out one at a time so a slow file does not
 * hold up a whole batch; each result goes to `onResult` with its index in `files` as it comes.
 */
export async function lintInWorkers(files: string[], setup: WorkerSetup, count: number, onResult: (index: number, result: FileResult | undefined) => void): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(workerFile(), { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolvePromise, reject) => {
            let pending = 0;
            const send = (): void => {
              if (next >= files.length) {
                if (pending === 0) resolvePromise();
                return;
              }
              const id = next++;
              pending++;
              worker.postMessage({ id, file: files[id]! } satisfies WorkerRequest);
            };
            worker.on('message', (response: WorkerResponse) => {
              if ('configError' in response) return reject(new UsageError(response.configError));
              if ('crash' in response) return reject(new Error(response.crash));
              pending--;
              onResult(response.id, response.result);
              send();
            });
            worker.once('error', reject);
            // Two files in flight per worker, so a worker never waits for the main thread.
            for (let i = 0; i < IN_FLIGHT; i++) send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
