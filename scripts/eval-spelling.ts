// Measure the spelling rule on municipal-style text: false alarms and recall.
//   node out/scripts/eval-spelling.js [--check] [--verbose] [--corpus DIR]
//
// The corpus (test/fixtures/spelling-corpus/*.md, own sentences, sources in SOURCES.md) is
// clean: every `spelling` warning on it is a false alarm. Names abroad and organisation names
// may be noted at `info` level; those are counted apart. Recall: the misspellings of
// misspellings.txt are put in place of lowercase words at positions drawn with a fixed seed,
// and each must get a warning on exactly its range. Everything goes through lintText, the
// engine's real path (Markdown parsing, severities).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, type Diagnostic } from '../server/src/engine/index.js';
import { loadSpeller } from '../server/src/engine/spelling/hunspell.js';
import { random } from './bench/corpus.js';

const GOALS = { falseAlarmsPerThousand: 2, recall: 0.98 };
const SEED = 13;
const TODAY = '2024-06-01';

interface Misspelling {
  wrong: string;
  right: string;
}

function readCorpus(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

function readMisspellings(dir: string): Misspelling[] {
  return readFileSync(path.join(dir, 'misspellings.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [wrong, right] = l.trim().split(/\s+/u);
      return { wrong: wrong!, right: right! };
    });
}

/** Words of the Markdown body (headings and lists included), as the official reads them. */
function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}.:'’-]*/gu) ?? []).filter((w) => /\p{L}/u.test(w)).length;
}

interface Injected {
  file: string;
  start: number;
  end: number;
  wrong: string;
}

/**
 * Replace lowercase prose words (not in headings, front lines or English passages: where an
 * official writes Swedish) by the misspellings, spread over the files with a fixed seed.
 */
function inject(files: { name: string; text: string }[], misspellings: Misspelling[]): { texts: Map<string, string>; injected: Injected[] } {
  const rand = random(SEED);
  const slots: { file: number; start: number; end: number }[] = [];
  files.forEach((f, file) => {
    let lineStart = 0;
    for (const line of f.text.split('\n')) {
      const prose = !line.startsWith('#') && line.length > 80 && !/\b(the|and|of)\b/u.test(line);
      if (prose) for (const m of line.matchAll(/(?<=\s)\p{Ll}{4,}(?=[\s,.])/gu)) slots.push({ file, start: lineStart + m.index, end: lineStart + m.index + m[0].length });
      lineStart += line.length + 1;
    }
  });
  const chosen = new Set<number>();
  while (chosen.size < misspellings.length && chosen.size < slots.length) chosen.add(Math.floor(rand() * slots.length));
  const picks = [...chosen].map((i) => slots[i]!);
  const injected: Injected[] = [];
  const texts = new Map<string, string>();
  files.forEach((f, file) => {
    // Right to left so earlier offsets stay valid; then shift the recorded ranges.
    const here = picks
      .map((p, k) => ({ ...p, wrong: misspellings[k]!.wrong }))
      .filter((p) => p.file === file)
      .sort((a, b) => a.start - b.start);
    let text = f.text;
    for (const p of [...here].reverse()) text = text.slice(0, p.start) + p.wrong + text.slice(p.end);
    let shift = 0;
    for (const p of here) {
      injected.push({ file: f.name, start: p.start + shift, end: p.start + shift + p.wrong.length, wrong: p.wrong });
      shift += p.wrong.length - (p.end - p.start);
    }
    texts.set(f.name, text);
  });
  return { texts, injected };
}

function wordRulesOf(text: string, speller: unknown): Diagnostic[] {
  return lintText(text, { today: TODAY, services: { speller } }).diagnostics.filter((d) => d.ruleId === 'spelling' || d.ruleId === 'ocr-artifact');
}

function spellingOf(text: string, speller: unknown): Diagnostic[] {
  return lintText(text, { today: TODAY, services: { speller } }).diagnostics.filter((d) => d.ruleId === 'spelling');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dirAt = argv.indexOf('--corpus');
  const dir = dirAt >= 0 ? argv[dirAt + 1]! : 'test/fixtures/spelling-corpus';
  const verbose = argv.includes('--verbose');
  const speller = await loadSpeller();
  const files = readCorpus(dir);
  const misspellings = readMisspellings(dir);

  let words = 0,
    warnings = 0,
    infos = 0;
  const alarms = new Map<string, number>();
  for (const f of files) {
    words += countWords(f.text);
    for (const d of spellingOf(f.text, speller)) {
      const word = typeof d.data?.word === 'string' ? d.data.word : '';
      if (d.severity === 'info') {
        infos++;
        continue;
      }
      warnings++;
      alarms.set(word, (alarms.get(word) ?? 0) + 1);
      if (verbose) console.log(`  false alarm ${f.name}: ${word}`);
    }
  }

  const { texts, injected } = inject(files, misspellings);
  let caught = 0;
  const missed: string[] = [];
  for (const f of files) {
    // Caught: a warning on exactly the word, from spelling or from ocr-artifact (which takes a
    // word it can repair, "språkk" → "språk", so that the official gets one diagnostic a word).
    const found = wordRulesOf(texts.get(f.name)!, speller).filter((d) => d.severity !== 'info');
    for (const i of injected.filter((x) => x.file === f.name)) {
      if (found.some((d) => d.range.start === i.start && d.range.end === i.end)) caught++;
      else missed.push(`${i.wrong} (${f.name})`);
    }
  }

  const perThousand = (n: number) => (1000 * n) / words;
  const recall = injected.length ? caught / injected.length : 0;
  console.log(`spelling on ${files.length} files (${dir})`);
  console.log(`  words:                          ${words}`);
  console.log(`  false alarms (warnings):        ${warnings} = ${perThousand(warnings).toFixed(2)} per 1,000 words (goal ≤ ${GOALS.falseAlarmsPerThousand})`);
  console.log(`  name notes (info):              ${infos} = ${perThousand(infos).toFixed(2)} per 1,000 words`);
  console.log(`  recall of injected misspellings: ${caught}/${injected.length} = ${(100 * recall).toFixed(1)} % (goal ≥ ${100 * GOALS.recall} %)`);
  const top = [...alarms]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([w, n]) => `${w}×${n}`)
    .join(', ');
  if (top) console.log(`  most frequent false alarms: ${top}`);
  if (missed.length) console.log(`  missed: ${missed.join(', ')}`);

  if (argv.includes('--check')) {
    const failures: string[] = [];
    if (perThousand(warnings) > GOALS.falseAlarmsPerThousand) failures.push('false alarms above goal');
    if (recall < GOALS.recall) failures.push('recall below goal');
    if (failures.length) {
      console.error(`FAIL: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
