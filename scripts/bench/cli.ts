import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateCorpus } from './corpus.js';
import { timeCommand, timeInterleaved, type Timing } from './measure.js';
import { peakRssMb } from './memory.js';

export interface CliBench {
  files: number;
  bytes: number;
  policylint: Timing;
  policylintSingleThread: Timing;
  markdownlint: Timing;
  policylintSpellingOnly: Timing;
  hunspell?: Timing;
  cached: Timing;
  /** The same drafts with almost no prose paragraph repeated (see CorpusOptions.distinctParagraphs). */
  distinct: { policylint: Timing; markdownlint: Timing };
  /** One 10 KB draft, start to exit. */
  oneFile: Timing;
  /** Peak RSS over four times the drafts (default workers, and one thread). */
  memory: { files: number; workersMb: number; singleThreadMb: number };
}

/** The CLI against markdownlint-cli2 and Debian's hunspell on the same generated drafts. */
export function benchCli(repo: string, count: number, runs: number): CliBench {
  const dir = join(repo, '.bench', 'corpus');
  const files = generateCorpus(repo, { count, directory: dir });
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const node = process.execPath;
  const bin = join(repo, 'bin', 'policylint.js');
  const cwd = join(repo, '.bench');
  const common = [bin, 'corpus', '--format', 'json', '--today', '2026-11-23'];

  const [policylint, policylintSingleThread, markdownlint] = timeInterleaved(
    [
      { label: 'policylint (workers)', command: node, args: common, cwd },
      { label: 'policylint --workers 0', command: node, args: [...common, '--workers', '0'], cwd },
      { label: 'markdownlint-cli2', command: node, args: [join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'corpus/**/*.md'], cwd },
    ],
    runs,
  ) as [Timing, Timing, Timing];

  // The corpus is recombined from a dozen documents, so most paragraphs occur in many drafts;
  // real repositories repeat far less. The same drafts with the paragraphs made distinct show
  // what caches keyed on a paragraph's text owe to that.
  const distinctDir = join(repo, '.bench', 'distinct');
  generateCorpus(repo, { count, directory: distinctDir, distinctParagraphs: true });
  const [distinctPolicylint, distinctMarkdownlint] = timeInterleaved(
    [
      { label: 'policylint, distinct paragraphs', command: node, args: [bin, 'distinct', '--format', 'json', '--today', '2026-11-23'], cwd },
      { label: 'markdownlint-cli2, distinct paragraphs', command: node, args: [join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'distinct/**/*.md'], cwd },
    ],
    runs,
  ) as [Timing, Timing];

  // The spelling share: only the two word rules (a config beside a copy of the corpus),
  // against Debian's hunspell -l on the same text.
  const spellDir = join(repo, '.bench', 'spelling');
  generateCorpus(repo, { count, directory: join(spellDir, 'corpus') });
  const ruleIds = readdirSync(join(repo, 'rules'))
    .filter((f) => f.endsWith('.yml') && f !== 'sections.yml')
    .map((f) => f.replace(/\.yml$/, ''));
  writeFileSync(join(spellDir, '.policylintrc.json'), JSON.stringify({ rules: Object.fromEntries(ruleIds.map((id) => [id, id === 'spelling' || id === 'ocr-artifact' ? 'warning' : 'off'])) }));
  const spellingOnly = { label: 'policylint, only spelling + ocr-artifact', command: node, args: [bin, 'corpus', '--format', 'json', '--workers', '0'], cwd: spellDir };
  let policylintSpellingOnly: Timing;
  let hunspell: Timing | undefined;
  if (spawnSync('sh', ['-c', 'command -v hunspell && hunspell -D 2>&1 | grep -q sv_SE']).status === 0 || existsSync('/usr/share/hunspell/sv_SE.dic')) {
    const all = join(repo, '.bench', 'all.txt');
    writeFileSync(all, files.map((f) => readFileSync(f, 'utf8')).join('\n'));
    [policylintSpellingOnly, hunspell] = timeInterleaved([spellingOnly, { label: 'hunspell -d sv_SE -l', command: 'sh', args: ['-c', `hunspell -d sv_SE -l < ${all} > /dev/null`], cwd }], runs) as [
      Timing,
      Timing,
    ];
  } else {
    [policylintSpellingOnly] = timeInterleaved([spellingOnly], runs) as [Timing];
  }
  const cacheFile = join(repo, '.bench', 'cache.json');
  spawnSync(node, [...common, '--cache', '--cache-location', cacheFile], { cwd });
  const cached = timeCommand('policylint --cache (all hits)', node, [...common, '--cache', '--cache-location', cacheFile], { cwd, runs });
  const one = join(repo, 'examples', 'strandvik-internationell-strategi.md');
  // One file is quick and noisy: at least five runs.
  const oneFile = timeCommand('policylint, one draft', node, [bin, one, '--today', '2026-11-23'], { cwd, runs: Math.max(runs, 5) });
  // Memory flat in the number of files: four times the drafts, results streamed per file.
  const many = generateCorpus(repo, { count: count * 4, directory: join(repo, '.bench', 'many') });
  const workersMb = peakRssMb(repo, bin, ['many', '--today', '2026-11-23'], cwd).mb;
  const singleThreadMb = peakRssMb(repo, bin, ['many', '--today', '2026-11-23', '--workers', '0'], cwd).mb;
  return {
    files: files.length,
    bytes,
    policylint,
    policylintSingleThread,
    markdownlint,
    policylintSpellingOnly,
    ...(hunspell ? { hunspell } : {}),
    cached,
    distinct: { policylint: distinctPolicylint, markdownlint: distinctMarkdownlint },
    oneFile,
    memory: { files: many.length, workersMb, singleThreadMb },
  };
}
