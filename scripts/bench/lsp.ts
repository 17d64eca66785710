import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../../test/server/lspClient.js';
import { serverExecArgv } from '../../client/src/serverRuntime.js';
import { median, percentile } from './measure.js';

export interface ServerBench {
  bytes: number;
  initialize: number;
  coldStart: number;
  /** Spawn → diagnostics that include spelling (the dictionary loads after the first lint). */
  withSpelling: number;
  edits: number;
  p50: number;
  p95: number;
  max: number;
  /**
   * The first keystrokes after the complete diagnostics, alone: V8 has not yet optimised the
   * code that runs once per lint, so these are several times slower than the rest.
   */
  firstKeystrokes: { count: number; p50: number; max: number };
  rssMb: number;
  peakRssMb: number;
}

function rss(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * A ~150 KB draft from the examples and the source conversions, repeated: clean text (a long
 * policy as an official writes it), or with the OCR-damaged ones in (pasted from scans).
 */
export function bigDraft(repo: string, ocr: boolean, size = 150_000): string {
  const keep = (f: string): boolean => ocr || !f.includes('ocr');
  const files = [
    ...readdirSync(join(repo, 'examples'))
      .filter((f) => f.endsWith('.md') && keep(f))
      .map((f) => join(repo, 'examples', f)),
    ...readdirSync(join(repo, 'test', 'fixtures', 'seeds'))
      .filter(keep)
      .map((f) => join(repo, 'test', 'fixtures', 'seeds', f)),
  ];
  const parts = files.map((f) => readFileSync(f, 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
  let text = '---\ntyp: strategi\n---\n\n';
  while (text.length < size) text += `${parts.join('\n\n')}\n\n`;
  return text;
}

/** The shipped bundle (npm run bench builds it), started as the extension starts it. */
function startServer(repo: string, dir: string): LspClient {
  return new LspClient({ workspaceFolders: [dir], server: join(repo, 'dist', 'server-start.cjs'), execArgv: serverExecArgv(), env: { POLICYLINT_SPELLING: 'on' } });
}

interface ColdStart {
  client: LspClient;
  uri: string;
  initialize: number;
  coldStart: number;
  withSpelling: number;
}

/** How many keystrokes after the start are reported on their own (ServerBench.firstKeystrokes). */
const FIRST_KEYSTROKES = 20;

/** Spawn → initialized → first diagnostics → diagnostics with spelling, in ms from spawn. */
async function coldStart(repo: string, dir: string, text: string): Promise<ColdStart> {
  const started = performance.now();
  const client = startServer(repo, dir);
  await client.initialize();
  const initialize = performance.now() - started;
  const uri = await client.open(join(dir, 'utkast.md'), text);
  await client.pull(uri);
  const first = performance.now() - started;
  await client.until(() => client.refreshes > 0, 'spell checker loaded', 20_000);
  await client.pull(uri);
  return { client, uri, initialize, coldStart: first, withSpelling: performance.now() - started };
}

/**
 * The language server as an editor uses it, spelling on: spawn → first diagnostics (the
 * median of `starts` fresh processes), then typing in the middle of the draft in the last
 * one, each keystroke followed by a diagnostics pull.
 */
export async function benchServer(repo: string, options: { edits: number; ocr: boolean; starts?: number }): Promise<ServerBench> {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-'));
  writeFileSync(join(dir, '.policylintrc.yaml'), 'extends: policylint:recommended\n');
  const text = bigDraft(repo, options.ocr);
  writeFileSync(join(dir, 'utkast.md'), text);
  const starts: ColdStart[] = [];
  try {
    for (let i = 0; i < (options.starts ?? 5); i++) {
      if (starts.length) await starts[starts.length - 1]!.client.shutdown();
      starts.push(await coldStart(repo, dir, text));
    }
    const { client, uri } = starts[starts.length - 1]!;
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    const latencies: number[] = [];
    for (let i = 0; i < options.edits; i++) {
      const character = lines[line]!.length + i;
      const t = performance.now();
      await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: i % 6 === 5 ? ' ' : 'a' }]);
      await client.pull(uri);
      latencies.push(performance.now() - t);
    }
    const memory = rss(client.process.pid!);
    const first = latencies.slice(0, FIRST_KEYSTROKES);
    return {
      bytes: Buffer.byteLength(text),
      initialize: median(starts.map((s) => s.initialize)),
      coldStart: median(starts.map((s) => s.coldStart)),
      withSpelling: median(starts.map((s) => s.withSpelling)),
      edits: latencies.length,
      p50: median(latencies),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      firstKeystrokes: { count: first.length, p50: median(first), max: Math.max(...first) },
      rssMb: memory.now,
      peakRssMb: memory.peak,
    };
  } finally {
    await starts[starts.length - 1]?.client.shutdown().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
