import { availableParallelism } from 'node:os';

/**
 * How the extension runs the language server; the bench (scripts/bench/lsp.ts) starts it
 * the same way, so what it measures is what users get.
 *
 * A smaller young generation: the server allocates briskly while re-linting on each
 * keystroke, and V8 then grows its semi-spaces to 16 MB each (~50 MB of RSS that is rarely
 * used). At 4 MB the edit latency on a 150 KB draft is unchanged and RSS is ~35 MB lower.
 *
 * Fewer V8 background threads where cores are few. Node gives V8 four threads (concurrent
 * marking, optimising compiles); on two cores they compete at every keystroke with the
 * server's own thread and the editor. Measured on two cores, 150 KB drafts, interleaved
 * rounds: one thread instead of four took the edit p95 from 84–102 to 62–76 ms on an
 * OCR-damaged draft (four comparisons) and from 57 to 45 ms on a clean one, and the RSS
 * down by 11–28 MB, with the same start. Cores beyond the two that the editor and the
 * server's main thread use are left to V8 as before; from six cores on, Node's default
 * stands. Desktop VS Code runs the server in Electron, which accepts the option but keeps
 * its own thread pool; it applies where the extension host is Node (Remote, code-server).
 */
export function serverExecArgv(cores: number = availableParallelism()): string[] {
  const backgroundThreads = Math.min(4, Math.max(1, cores - 2));
  return ['--max-semi-space-size=4', ...(backgroundThreads < 4 ? [`--v8-pool-size=${backgroundThreads}`] : [])];
}
