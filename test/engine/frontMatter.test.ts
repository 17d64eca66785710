// The direct reading of simple front matters (document/frontMatter.ts) must give what the
// yaml package gives, or leave the text to it: compared on every front matter the repository
// and the bench drafts have, and on generated lines of values YAML reads in other ways.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { simpleFrontMatter } from '../../server/src/engine/document/frontMatter.js';
import { parseDocument } from '../../server/src/engine/document/parse.js';
import { REPO } from '../helpers/paths.js';
import { random } from '../../scripts/bench/corpus.js';
import { filesUnder } from '../helpers/files.js';

/** What the engine read before: the yaml package, or its error. */
function viaYaml(source: string): unknown {
  try {
    return parseYaml(source, { logLevel: 'error' }) as unknown;
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The fast reading is either declined or equal to YAML's; returns whether it read the text. */
function assertAgrees(source: string): boolean {
  const simple = simpleFrontMatter(source);
  if (simple === undefined) return false;
  assert.deepEqual(simple, viaYaml(source), `front matter ${JSON.stringify(source)}`);
  assert.equal(Object.getPrototypeOf(simple), Object.prototype);
  return true;
}

const frontMatterOf = (text: string): string | undefined => /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)?.[1];

const KEYS = ['typ', 'beslutad-av', 'beslutad', 'paragraf', 'revideras', 'giltig_till', 'Ägare', 'null', 'true', 'True', 'a', 'x1', '1x', '-a', 'a b', '__proto__', 'constructor', 'k'.repeat(120)];
const VALUES = [
  'policy',
  'kommunstyrelsen',
  'vart fjärde år',
  '2014-04-11',
  '2014-4-11',
  '20140411',
  '"§ 8"',
  "'§ 8'",
  '"a \\" b"',
  '"a\\tb"',
  "'it''s'",
  '"x" # c',
  'x # c',
  'x #c',
  'x#y',
  'null',
  'Null',
  '~',
  '',
  ' ',
  'true',
  'False',
  'yes',
  'no',
  'on',
  '1',
  '1.5',
  '0x1F',
  '.inf',
  '.nan',
  '1e3',
  '-1',
  '+1',
  '12:30',
  'a: b',
  'a:b',
  'x,y',
  'x, y',
  '[a, b]',
  '{a: b}',
  '- a',
  '& anchor',
  '*alias',
  '!tag x',
  '| x',
  '> x',
  '@x',
  '`x',
  '%x',
  'x  y',
  'x ',
  ' x',
  'x\ty',
  'a\u00a0b',
  'a\u2028b',
  '"a\u2028b"',
  'Kommunfullmäktige (KF)',
  'KS/KF',
  'd’Alembert',
  "l'été",
  'x – y',
  'x %',
  'x&y',
  '"',
  "'",
  '""',
  "''",
  '"a"b',
  'é',
  'Ö',
  '§ 8',
];

const textFiles = (dir: string): string[] => filesUnder(dir, /\.md$/);

describe('front matter: simple lines read directly, as YAML reads them', () => {
  it('reads the front matters of the repository and the bench drafts as YAML does', () => {
    const files = [...textFiles(join(REPO, 'examples')), ...textFiles(join(REPO, 'test', 'fixtures')), ...textFiles(join(REPO, '.bench'))];
    let read = 0;
    let total = 0;
    for (const path of files) {
      const source = frontMatterOf(readFileSync(path, 'utf8'));
      if (source === undefined) continue;
      total++;
      if (assertAgrees(source)) read++;
    }
    assert.ok(total > 5, 'front matters to compare');
    // The bench drafts' front matters are all simple (when the bench is there).
    assert.ok(read > 0 && (!existsSync(join(REPO, '.bench')) || read > total / 2), `read directly: ${read} of ${total}`);
  });

  it('agrees with YAML on generated lines of tricky keys and values', () => {
    const next = random(7);
    let read = 0;
    for (let n = 0; n < 20_000; n++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(next() * 5);
      for (let k = 0; k < count; k++) {
        const key = KEYS[Math.floor(next() * KEYS.length)]!;
        const value = VALUES[Math.floor(next() * VALUES.length)]!;
        lines.push(next() < 0.05 ? `${key}:${value}` : `${key}: ${value}`);
      }
      if (assertAgrees(lines.join(next() < 0.05 ? '\r\n' : '\n'))) read++;
    }
    assert.ok(read > 300, `read directly: ${read}`);
  });

  it('reads a typical front matter directly, and leaves the rest to YAML (with its errors)', () => {
    assert.deepEqual(simpleFrontMatter('typ: policy\nbeslutad: 2014-04-11\nparagraf: "§ 8"\nrevideras: vart fjärde år'), {
      typ: 'policy',
      beslutad: '2014-04-11',
      paragraf: '§ 8',
      revideras: 'vart fjärde år',
    });
    for (const source of ['a: 1', 'a: null', 'a: x\na: y', 'a: [b]', 'a: x # c', 'a:\n  - b', '']) assert.equal(simpleFrontMatter(source), undefined, source);
    const doc = parseDocument('---\na: x\na: y\n---\n\n# Rubrik\n');
    assert.match(doc.frontMatter?.error ?? '', /unique/);
    assert.deepEqual(parseDocument('---\ntyp: policy\nnummer: 3\n---\n\n# Rubrik\n').frontMatter?.data, { typ: 'policy', nummer: 3 });
  });
});
