// Measure the spelling and ocr-artifact rules on the seed texts.
//   node out/scripts/eval-ocr.js [--check] [--seeds DIR]
// Åmål 000 (OCR) / 001 (clean) are word-for-word parallel: aligned, they give a ground
// truth for flagging and restoring. Lidköping 003 (OCR) has no ground truth; flag recall
// is measured against Debian's `hunspell -d sv_SE -l` when that binary is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkWords } from '../server/src/engine/spelling/check.js';
import { loadSpeller, type Speller } from '../server/src/engine/spelling/hunspell.js';
import { applyEdits, restoreText } from '../server/src/engine/ocr/restore.js';

const GOALS = { flagRecall: 0.95, restored: 0.9, rightChanged: 0.005 };

interface Span { text: string; start: number; end: number }

function seedsDir(argv: string[]): string {
  const i = argv.indexOf('--seeds');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]!);
  const candidates = [path.resolve(process.cwd(), 'test/fixtures/ocr'), path.resolve(process.cwd(), '../shared/seeds')];
  const found = candidates.find((d) => existsSync(d));
  if (!found) throw new Error(`no seed directory among ${candidates.join(', ')}`);
  return found;
}

function readSeed(dir: string, prefix: string): string {
  const name = readdirSync(dir).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix}_*.txt not found in ${dir}`);
  return readFileSync(path.join(dir, name), 'utf8');
}

function whitespaceTokens(text: string): Span[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Debian hunspell's flagged words, or undefined when the binary is missing. */
function debianFlags(text: string): Set<string> | undefined {
  const run = spawnSync('hunspell', ['-d', 'sv_SE', '-l'], { input: text, encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  return new Set(run.stdout.split('\n').map(trimPunctuation).filter((w) => /\p{L}/u.test(w)));
}

function trimPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}&¢|]+|[^\p{L}\p{N}&¢|]+$/gu, '');
}

/** Pair tokens of two parallel texts: equal counts pair by index, else an edit-distance alignment. */
function align(a: Span[], b: Span[]): Array<[number, number]> {
  if (a.length === b.length) return a.map((_, i) => [i, i]);
  const skeleton = (s: string) => s.normalize('NFD').replace(/[^\p{L}]/gu, '').toLowerCase();
  const n = a.length, m = b.length;
  const cost = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) cost[i]![0] = i;
  for (let j = 0; j <= m; j++) cost[0]![j] = j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      cost[i]![j] = Math.min(
        cost[i - 1]![j]! + 1,
        cost[i]![j - 1]! + 1,
        cost[i - 1]![j - 1]! + (skeleton(a[i - 1]!.text) === skeleton(b[j - 1]!.text) ? 0 : 1),
      );
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (cost[i]![j] === cost[i - 1]![j - 1]! + (skeleton(a[i - 1]!.text) === skeleton(b[j - 1]!.text) ? 0 : 1)) {
      pairs.push([--i, --j]);
    } else if (cost[i]![j] === cost[i - 1]![j]! + 1) i--;
    else j--;
  }
  return pairs.reverse();
}

interface FlagReport { debian?: number; covered?: number; missed: string[]; spelling: number; ocr: number; safe: number }

function flagReport(text: string, speller: Speller): { report: FlagReport; flagged: Span[] } {
  const { spelling, ocr } = checkWords(text, speller);
  const flagged: Span[] = [...spelling.map((s) => ({ text: s.word, start: s.start, end: s.end })),
    ...ocr.map((o) => ({ text: o.word, start: o.start, end: o.end }))];
  const ours = new Set(flagged.map((f) => f.text));
  const debian = debianFlags(text);
  const report: FlagReport = { missed: [], spelling: spelling.length, ocr: ocr.length, safe: ocr.filter((o) => o.repair.replacement).length };
  if (debian) {
    // Debian's tokenizer splits on symbols ("¢kad" → "kad", "&taganden" → "taganden").
    const covers = (d: string) => ours.has(d) || [...ours].some((o) => o.includes(d) || d.includes(o));
    report.debian = debian.size;
    report.missed = [...debian].filter((d) => !covers(d));
    report.covered = debian.size - report.missed.length;
  }
  return { report, flagged };
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const check = argv.includes('--check');
  const dir = seedsDir(argv);
  let t = performance.now();
  const speller = await loadSpeller();
  const loadMs = performance.now() - t;

  const ocrText = readSeed(dir, '000');
  const cleanText = readSeed(dir, '001');
  const lidkoping = readSeed(dir, '003');
  const cleanOthers = { 'Åmål 001 (clean)': cleanText, 'Alingsås 002 (clean)': readSeed(dir, '002') };

  t = performance.now();
  const amal = flagReport(ocrText, speller);
  const coldMs = performance.now() - t;
  t = performance.now();
  checkWords(ocrText, speller);
  const warmMs = performance.now() - t;
  const lid = flagReport(lidkoping, speller);

  // Ground truth on the Åmål pair.
  const ocrTokens = whitespaceTokens(ocrText);
  const cleanTokens = whitespaceTokens(cleanText);
  const restored = applyEdits(ocrText, restoreText(ocrText, speller));
  const restoredTokens = whitespaceTokens(restored);
  if (restoredTokens.length !== ocrTokens.length) throw new Error('restoring changed the number of words');
  let damaged = 0, damagedFlagged = 0, restoredExactly = 0, right = 0, rightChanged = 0, rightFlagged = 0;
  const notRestored: string[] = [];
  const wronglyChanged: string[] = [];
  const isFlagged = (s: Span) => amal.flagged.some((f) => f.start < s.end && f.end > s.start);
  for (const [i, j] of align(ocrTokens, cleanTokens)) {
    const o = ocrTokens[i]!, c = cleanTokens[j]!, r = restoredTokens[i]!;
    if (!/\p{L}/u.test(c.text)) continue; // numbers and footnote markers are not words
    if (o.text !== c.text) {
      damaged++;
      if (isFlagged(o)) damagedFlagged++;
      if (r.text === c.text) restoredExactly++;
      else notRestored.push(`${o.text}→${r.text} (want ${c.text})`);
    } else {
      right++;
      if (isFlagged(o)) rightFlagged++;
      if (r.text !== o.text) { rightChanged++; wronglyChanged.push(`${o.text}→${r.text}`); }
    }
  }

  const cleanFlags = Object.entries(cleanOthers).map(([name, text]) => {
    const { spelling, ocr } = checkWords(text, speller);
    return { name, flags: [...spelling.map((s) => s.word), ...ocr.map((o) => o.word)] };
  });

  const recall = (r: FlagReport) => (r.debian === undefined ? 'skipped (no hunspell binary)' : `${r.covered}/${r.debian} = ${pct(r.covered!, r.debian)}`);
  const rows: Array<[string, string]> = [
    ['dictionary load', `${loadMs.toFixed(0)} ms`],
    ['check Åmål 000 cold / warm', `${coldMs.toFixed(1)} ms / ${warmMs.toFixed(1)} ms`],
    ['Åmål 000: damaged words (differ from 001)', String(damaged)],
    ['Åmål 000: damaged words flagged', `${damagedFlagged} = ${pct(damagedFlagged, damaged)}`],
    ['Åmål 000: right words flagged', `${rightFlagged} of ${right} = ${pct(rightFlagged, right)}`],
    ['Åmål 000: findings spelling / ocr (safe)', `${amal.report.spelling} / ${amal.report.ocr} (${amal.report.safe})`],
    ['Åmål 000: recall vs Debian hunspell', recall(amal.report)],
    ['Åmål 000: restored exactly by safe repairs', `${restoredExactly}/${damaged} = ${pct(restoredExactly, damaged)}`],
    ['Åmål 000: right words changed', `${rightChanged}/${right} = ${pct(rightChanged, right)}`],
    ['Lidköping 003: findings spelling / ocr (safe)', `${lid.report.spelling} / ${lid.report.ocr} (${lid.report.safe})`],
    ['Lidköping 003: recall vs Debian hunspell', recall(lid.report)],
    ...cleanFlags.map(({ name, flags }): [string, string] => [`${name}: flags`, `${flags.length}${flags.length ? ' ' + flags.join(', ') : ''}`]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  if (argv.includes('--verbose')) {
    console.log('\nnot restored:', notRestored.join('; '));
    console.log('\nright but changed:', wronglyChanged.join('; '));
    console.log('\nmissed vs Debian (000):', amal.report.missed.join(' '));
    console.log('missed vs Debian (003):', lid.report.missed.join(' '));
  }

  const failures: string[] = [];
  for (const [name, r] of [['Åmål 000', amal.report], ['Lidköping 003', lid.report]] as const) {
    if (r.debian !== undefined && r.covered! / r.debian < GOALS.flagRecall) failures.push(`${name} recall vs Debian below ${GOALS.flagRecall * 100} %`);
  }
  if (restoredExactly / damaged < GOALS.restored) failures.push(`restored below ${GOALS.restored * 100} %`);
  if (rightChanged / right >= GOALS.rightChanged) failures.push(`right words changed ≥ ${GOALS.rightChanged * 100} %`);
  for (const { name, flags } of cleanFlags) if (flags.length > 0) failures.push(`${name} has ${flags.length} flags`);
  if (failures.length) console.log(`\ngoals missed: ${failures.join('; ')}`);
  else console.log('\nall goals met');
  return check && failures.length > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(2);
});
