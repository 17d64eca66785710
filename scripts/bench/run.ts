/**
 * `npm run bench`: policylint against its peers on the same generated drafts, and the
 * language server's latency and memory. Prints one table and whether each goal holds.
 * Options: --files N (default 400), --runs N (default 3), --json FILE.
 */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCli } from './cli.js';
import { benchServer } from './lsp.js';
import { medianRatio } from './measure.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const files = arg('--files', 400);
const runs = arg('--runs', 3);

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const rows: [string, string, string][] = [];
const goals: { goal: string; ok: boolean; detail: string }[] = [];

const cli = benchCli(repo, files, runs);
const mb = (cli.bytes / 1024 / 1024).toFixed(1);
rows.push([`policylint CLI, ${cli.files} drafts (${mb} MB), worker threads`, fmt(cli.policylint.median), `runs: ${cli.policylint.runs.map(fmt).join(', ')}`]);
rows.push(['policylint CLI, one thread (--workers 0)', fmt(cli.policylintSingleThread.median), `runs: ${cli.policylintSingleThread.runs.map(fmt).join(', ')}`]);
rows.push(['markdownlint-cli2 0.22 (default rules), same files', fmt(cli.markdownlint.median), `runs: ${cli.markdownlint.runs.map(fmt).join(', ')}`]);
// Runs alternate between the tools; the ratio is the median of each round's ratio.
const ratio = medianRatio(cli.policylint, cli.markdownlint);
rows.push([
  'ratio policylint / markdownlint-cli2',
  `${ratio.toFixed(2)}×`,
  `${ratio <= 1 ? 'policylint is as fast or faster' : 'policylint is slower'}; one thread ${medianRatio(cli.policylintSingleThread, cli.markdownlint).toFixed(2)}×`,
]);
const distinctRatio = medianRatio(cli.distinct.policylint, cli.distinct.markdownlint);
rows.push(['same drafts, no paragraph repeated: policylint / markdownlint-cli2', `${distinctRatio.toFixed(2)}×`, `${fmt(cli.distinct.policylint.median)} vs ${fmt(cli.distinct.markdownlint.median)}`]);
rows.push(['policylint, only spelling + ocr-artifact, one thread', fmt(cli.policylintSpellingOnly.median), '']);
if (cli.hunspell) rows.push(['Debian hunspell -d sv_SE -l, same text', fmt(cli.hunspell.median), `spelling share ratio ${medianRatio(cli.policylintSpellingOnly, cli.hunspell).toFixed(2)}×`]);
else rows.push(['Debian hunspell -d sv_SE -l', 'skipped', 'apt-get install hunspell hunspell-sv-se']);
rows.push(['policylint --cache, every file a hit', fmt(cli.cached.median), '']);
rows.push(['policylint, one 10 KB draft (start to exit)', fmt(cli.oneFile.median), `runs: ${cli.oneFile.runs.map(fmt).join(', ')}`]);
rows.push([`policylint peak RSS, ${cli.memory.files} drafts`, `${cli.memory.workersMb.toFixed(0)} MB`, `one thread ${cli.memory.singleThreadMb.toFixed(0)} MB`]);
const floor = medianRatio(cli.policylint, cli.policylintSpellingOnly);
goals.push({ goal: 'CLI ≤ 1.0× markdownlint-cli2 (400 drafts)', ok: ratio <= 1 && distinctRatio <= 1, detail: `${ratio.toFixed(2)}× (${distinctRatio.toFixed(2)}× with no paragraph repeated)` });
goals.push({ goal: 'CLI ≤ 1.5× its parse + spelling floor', ok: floor <= 1.5, detail: `${floor.toFixed(2)}× the spelling-only run` });
goals.push({ goal: 'one file ≤ 350 ms', ok: cli.oneFile.median <= 350, detail: fmt(cli.oneFile.median) });
goals.push({
  goal: `CLI peak RSS ≤ 250 MB over ${cli.memory.files} drafts`,
  ok: Math.max(cli.memory.workersMb, cli.memory.singleThreadMb) <= 250,
  detail: `${cli.memory.workersMb.toFixed(0)} MB with workers, ${cli.memory.singleThreadMb.toFixed(0)} MB one thread`,
});

const server = await benchServer(repo, { edits: 300, ocr: false });
const kb = (b: number): string => `${(b / 1024).toFixed(0)} KB`;
rows.push([`server cold start → first diagnostics (${kb(server.bytes)} clean draft)`, fmt(server.coldStart), `median of 5 starts; spawn → initialized ${fmt(server.initialize)}`]);
rows.push(['server cold start → diagnostics with spelling', fmt(server.withSpelling), 'the dictionary loads after the first lint']);
rows.push(['server edit → fresh diagnostics, p50', fmt(server.p50), `${server.edits} keystrokes`]);
rows.push(['server edit → fresh diagnostics, p95', fmt(server.p95), `max ${fmt(server.max)}`]);
rows.push([`server: the first ${server.firstKeystrokes.count} keystrokes alone, p50`, fmt(server.firstKeystrokes.p50), `max ${fmt(server.firstKeystrokes.max)} (code not yet optimised by V8)`]);
rows.push(['server RSS after the edits', `${server.rssMb.toFixed(0)} MB`, `peak ${server.peakRssMb.toFixed(0)} MB`]);
// The same keystrokes as on the clean draft: a shorter run weighs the first, cold ones more.
const ocr = await benchServer(repo, { edits: server.edits, ocr: true });
rows.push([`same, ${kb(ocr.bytes)} draft with OCR-damaged text: cold start`, fmt(ocr.coldStart), `with spelling ${fmt(ocr.withSpelling)}`]);
rows.push([`same, OCR-damaged draft: edit p50 / p95 (${ocr.edits} keystrokes)`, fmt(ocr.p50), `p95 ${fmt(ocr.p95)}, RSS ${ocr.rssMb.toFixed(0)} MB (peak ${ocr.peakRssMb.toFixed(0)} MB)`]);
rows.push([`same, OCR-damaged draft: the first ${ocr.firstKeystrokes.count} keystrokes alone, p50`, fmt(ocr.firstKeystrokes.p50), `max ${fmt(ocr.firstKeystrokes.max)}`]);
goals.push({ goal: 'server first diagnostics ≤ 400 ms (150 KB)', ok: server.coldStart <= 400, detail: fmt(server.coldStart) });
goals.push({ goal: 'server complete diagnostics (spelling) ≤ 400 ms', ok: server.withSpelling <= 400, detail: fmt(server.withSpelling) });
const firstOnes = (b: typeof server): string => `; the first ${b.firstKeystrokes.count} alone p50 ${fmt(b.firstKeystrokes.p50)}`;
goals.push({ goal: 'edit p95 ≤ 50 ms, clean draft', ok: server.p95 <= 50, detail: `${fmt(server.p95)} over ${server.edits} keystrokes${firstOnes(server)}` });
goals.push({ goal: 'edit p95 ≤ 50 ms, OCR-damaged draft', ok: ocr.p95 <= 50, detail: `${fmt(ocr.p95)} over ${ocr.edits} keystrokes${firstOnes(ocr)}` });
goals.push({ goal: `server RSS ≤ 120 MB after ${server.edits} edits`, ok: server.rssMb <= 120, detail: `${server.rssMb.toFixed(0)} MB (peak ${server.peakRssMb.toFixed(0)} MB)` });

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\npolicylint bench (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${runs} runs after a warm-up, medians)\n`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(width)}  ${b.padStart(9)}  ${c}`);
console.log('\ngoals');
for (const g of goals) console.log(`  ${g.ok ? '✓' : '✗'} ${g.goal}: ${g.detail}`);
const jsonIndex = process.argv.indexOf('--json');
if (jsonIndex > 0) writeFileSync(process.argv[jsonIndex + 1]!, JSON.stringify({ cli, server, ocr, goals }, null, 2));
