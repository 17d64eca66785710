import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { ConfigLoader, FileError, isInside, loadRuleSet, loadServices, type Services } from '../../server/src/engine/index.js';
import { expandInputs } from '../../server/src/cli/files.js';
import { lintFile } from '../../server/src/cli/lintFiles.js';
import { TODAY } from '../helpers/paths.js';

/**
 * Fuzzing whole hostile workspaces: random trees of drafts, configs, word lists and
 * .gitignore files mixed with links (to the folder itself, its parent, /dev/zero, /etc/passwd,
 * a secret outside), FIFOs and broken content. Expanding, loading configs, linting and --fix
 * must finish in bounded time, never print the secret, never write outside the workspace,
 * and fail only with file errors that name a file.
 *
 * CI runs a fixed seed. POLICYLINT_FUZZ_SEED=random (nightly) picks one and prints it;
 * POLICYLINT_FUZZ_SEED=<n> replays it; POLICYLINT_FUZZ_RUNS sets the number of workspaces.
 */
const SECRET = 'HEMLIG-NYCKEL-4711';
const FIXED_SEED = 20261126;

function fuzzSeed(): number {
  const wanted = process.env.POLICYLINT_FUZZ_SEED;
  if (!wanted) return FIXED_SEED;
  const seed = wanted === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(wanted);
  // Printed so a failing nightly run can be replayed with POLICYLINT_FUZZ_SEED=<seed>.
  console.log(`      hostile workspace fuzz: POLICYLINT_FUZZ_SEED=${seed}`);
  return seed;
}

type Entry = { kind: 'draft'; text: string } | { kind: 'bytes'; bytes: number[] } | { kind: 'link'; target: string } | { kind: 'fifo' };

const NAMES = [
  'a.md',
  'b.markdown',
  'notes.md',
  'sub/c.md',
  'sub/deep/d.md',
  'x',
  'sub',
  '.gitignore',
  '.policylintrc.yaml',
  'sub/.policylintrc.yml',
  '.policylint/ordlista.txt',
  'shared.yaml',
  '.policylint',
];
const TEXTS = [
  '# Policy för test\n\nDet skall ske.\n',
  '---\ntyp: policy\n---\n# Policy\n\nKommunstyrelsen ansvarar.\n',
  'extends: ./shared.yaml\n',
  'extends: /etc/passwd\n',
  'extends: ../outside.yaml\n',
  'extends: policylint:strict\nwords: [Strandvik]\n',
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nwords: *c\n',
  '*\n!a.md\nsub/\n',
  'Strandvik\nord med mellanrum\n',
  `${'> '.repeat(300)}x\n`,
  '# R\n'.repeat(6000),
  '\uFEFF# Policy\r\n\r\nDet skall ske.\r\n',
];
const TARGETS = ['.', '..', '/dev/zero', '/etc/passwd', 'OUTSIDE', 'a.md', 'sub', 'missing.md', '/proc/self/environ'];

const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS).map((text) => ({ kind: 'draft' as const, text })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  { weight: 3, arbitrary: fc.constantFrom(...TARGETS).map((target) => ({ kind: 'link' as const, target })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'fifo' as const }) },
);
const workspaceSpec = fc.dictionary(fc.constantFrom(...NAMES), entry, { minKeys: 1, maxKeys: 8 });

/** Whether a folder between the root and the path is a link (writing there would leave the root). */
function throughLink(root: string, name: string): boolean {
  const parts = name.split('/').slice(0, -1);
  return parts.some((_, i) => {
    try {
      return lstatSync(join(root, ...parts.slice(0, i + 1))).isSymbolicLink();
    } catch {
      return false;
    }
  });
}

function build(spec: Record<string, Entry>, outside: string): string {
  const root = mkdtempSync(join(tmpdir(), 'policylint-fuzzws-'));
  // Links last, and nothing created below a link: a link `sub -> ..` must not carry
  // `sub/c.md` out of the workspace being built.
  const entries = Object.entries(spec).sort(([, a], [, b]) => Number(a.kind === 'link') - Number(b.kind === 'link'));
  for (const [name, e] of entries) {
    const path = join(root, name);
    if (throughLink(root, name)) continue;
    try {
      mkdirSync(dirname(path), { recursive: true });
      if (e.kind === 'draft') writeFileSync(path, e.text);
      else if (e.kind === 'bytes') writeFileSync(path, Buffer.from(e.bytes));
      else if (e.kind === 'fifo') execFileSync('mkfifo', [path], { stdio: 'ignore' });
      else symlinkSync(e.target === 'OUTSIDE' ? join(outside, 'secret.md') : e.target, path);
    } catch {
      // A name already taken as a folder (sub, .policylint): keep what is there.
    }
  }
  return root;
}

describe('hostile: fuzzing whole workspaces (links, FIFOs, devices, broken configs)', function () {
  this.timeout(300_000);
  let services: Services;
  const ruleSet = loadRuleSet();
  const outside = mkdtempSync(join(tmpdir(), 'policylint-fuzz-outside-'));
  const secretDraft = `# Policy\n\nDet skall ske. ${SECRET}\n`;

  before(async () => {
    services = await loadServices();
    writeFileSync(join(outside, 'secret.md'), secretDraft);
    writeFileSync(join(dirname(outside), 'outside.yaml'), `words: [${SECRET}]\n`);
  });

  it('expands, loads configs, lints and fixes every workspace in bounded time, inside it', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceSpec, async (spec) => {
        const root = build(spec, outside);
        try {
          const started = performance.now();
          let files: string[] = [];
          try {
            files = (await expandInputs(['.'], root)).files;
          } catch (error) {
            assert.match((error as Error).message, /Inga Markdown-filer/);
          }
          const configs = new ConfigLoader(ruleSet, { roots: [root] });
          for (const file of files) {
            assert.ok(isInside(file, root), `${file} is outside the workspace`);
            try {
              const result = await lintFile(file, { ruleSet, configs, lang: 'sv', fix: true, today: TODAY, services: { ...services } });
              const printed = JSON.stringify(result ?? {});
              assert.ok(!printed.includes(SECRET), `the secret was printed: ${printed.slice(0, 300)}`);
            } catch (error) {
              if (!(error instanceof FileError)) throw error;
              assert.ok(!error.message.includes(SECRET), 'a config error quoted the secret');
              assert.ok(error.file.length > 0);
            }
          }
          assert.ok(performance.now() - started < 15_000, `workspace took ${Math.round(performance.now() - started)} ms: ${JSON.stringify(spec)}`);
          assert.equal(readFileSync(join(outside, 'secret.md'), 'utf8'), secretDraft, '--fix wrote outside the workspace');
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.POLICYLINT_FUZZ_RUNS) || 40, seed: fuzzSeed() },
    );
  });
});
