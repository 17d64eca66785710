// latinSplit.ts must split exactly as parse-latin does (sentences and their words, offset for
// offset): compared on every text the repository has, on the bench drafts and seeds when they
// are there, and on generated text full of the forms sentence splitting gets wrong.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParseLatin } from 'parse-latin';
import { canSplit, expressions, splitLatin, type SplitSentence } from '../../server/src/engine/document/latinSplit.js';
import { REPO } from '../helpers/paths.js';
import { random } from '../../scripts/bench/corpus.js';
import { filesUnder, SEEDS } from '../helpers/files.js';

const reference = new ParseLatin();

/** parse-latin's sentences and words of `text`, as the engine read them before latinSplit. */
function referenceSplit(text: string): SplitSentence[] {
  const out: SplitSentence[] = [];
  for (const paragraph of reference.parse(text).children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const words = sentence.children.filter((c) => c.type === 'WordNode').map((w) => ({ start: w.position!.start.offset!, end: w.position!.end.offset! }));
      out.push({ start: sentence.position!.start.offset!, end: sentence.position!.end.offset!, words });
    }
  }
  return out;
}

/** Each text splits the same both ways; returns how many texts the fast splitter covered. */
function assertSame(texts: Iterable<string>): number {
  let covered = 0;
  for (const text of texts) {
    if (!canSplit(text)) continue;
    covered++;
    const expected = referenceSplit(text);
    const actual = splitLatin(text);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) assert.deepEqual(actual, expected, `split differs for ${JSON.stringify(text)}`);
  }
  return covered;
}

/** A file whole, each of its paragraphs and each of its lines: blocks as the engine sees them. */
function* piecesOf(paths: readonly string[]): Generator<string> {
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    yield text;
    yield* text.split(/\n\s*\n/);
    yield* text.split('\n');
  }
}

const PIECES = [
  'kommunen',
  'Kommunen',
  'Nämnden',
  'och',
  'för',
  'år',
  'Å',
  'ö',
  'x',
  'A',
  'E',
  'i',
  'a',
  'Ca',
  'ca',
  'etc',
  'nr',
  'kap',
  'pro',
  'viz',
  'bl.a.',
  't.ex.',
  's.k.',
  'm.fl.',
  'o.d.',
  'fr.o.m.',
  't.o.m.',
  'osv.',
  'jfr.',
  'bl.a',
  'St.',
  'dvs.',
  'E.U.',
  'U.S.A',
  'A.',
  'B.',
  'J.R.R.',
  '1',
  '12',
  '123',
  '1234',
  '1.2',
  '3,5',
  '2024-01-01',
  '1.',
  '12.',
  '§',
  '§ 85',
  '10 %',
  '5 000',
  '1/2',
  'km/h',
  'och/eller',
  'a/b',
  'abc/def',
  '.',
  '..',
  '...',
  '…',
  '!',
  '?',
  '?!',
  '!!',
  '‽',
  ',',
  ';',
  ':',
  '-',
  '--',
  '–',
  '—',
  '&',
  "'",
  '’',
  '"',
  '”',
  '“',
  '«',
  '»',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '_',
  '__',
  '@',
  '=',
  '/',
  '\\',
  '*',
  '+',
  '#',
  '%',
  '$',
  '€',
  '\u00AD',
  '\u00B7',
  '\u2010',
  '\u2011',
  '\u2027',
  '\u203A',
  '\u2046',
  '²',
  '½',
  'https://www.example.se/a/b.html?x=1&y=2',
  'namn@kommun.se',
  'www.kommun.se.',
  'e-post',
  'EU-projekt',
  'Covid-19',
  "rock'n'roll",
  'A&O',
  '&co',
  ' ',
  ' ',
  ' ',
  ' ',
  '  ',
  '\u00A0',
  '\t',
  '\n',
  '\n',
  '\n\n',
  '\n \n',
  '\r\n',
  '\r\n\r\n',
  '\r',
  '\n\n\n',
];

function generated(seed: number, count: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(next() * 40);
    let text = '';
    for (let k = 0; k < length; k++) {
      // Mostly pieces of prose, sometimes any covered character at all.
      if (next() < 0.1) {
        const code = next() < 0.5 ? Math.floor(next() * 0x250) : 0x2000 + Math.floor(next() * 0x70);
        text += String.fromCharCode(code);
      } else text += PIECES[Math.floor(next() * PIECES.length)]!;
    }
    out.push(text);
  }
  return out;
}

const textFiles = (dir: string): string[] => filesUnder(dir, /\.(?:md|txt)$/);

describe('latinSplit: the same sentences and words as parse-latin', () => {
  it('splits the repository texts (examples, fixtures, docs) the same', () => {
    const files = [...textFiles(join(REPO, 'examples')), ...textFiles(join(REPO, 'test', 'fixtures')), ...textFiles(join(REPO, 'docs'))];
    assert.ok(files.length > 10, 'texts to compare');
    assert.ok(assertSame(piecesOf(files)) > 1000);
  });

  it('splits the seeds and the bench drafts the same (when present)', function () {
    this.timeout(120_000);
    const files = [...textFiles(SEEDS), ...textFiles(join(REPO, '.bench', 'corpus')), ...textFiles(join(REPO, '.bench', 'distinct'))];
    if (files.length === 0) this.skip();
    assertSame(piecesOf(files));
  });

  it('splits generated text full of abbreviations, numbers, quotes, URLs and breaks the same', function () {
    this.timeout(60_000);
    assert.equal(assertSame(generated(1, 20_000)), 20_000);
  });

  it('splits short strings dense with punctuation, breaks and symbols the same', () => {
    // Each plugin's order and index handling shows in text like "a.. (B!” x; ca. 1".
    const dense = ['a', 'b', 'A', 'Å', 'ö', 'é', '1', '2', '.', '.', '.', '!', '?', '…', ',', ';', ':', '-', '/', '&', "'", '’', '"', '”', '»', '(', ')', ']', '}'];
    const more = ['_', '@', '=', ' ', ' ', ' ', '\n', '\n\n', '\r', '\t', 'ca', 'x', 'etc', '\u00AD', '‽', '§', '€', '*', '#'];
    const alphabet = [...dense, ...more];
    const next = random(2);
    const texts: string[] = [];
    for (let n = 0; n < 30_000; n++) {
      let text = '';
      for (let k = 1 + Math.floor(next() * 25); k > 0; k--) text += alphabet[Math.floor(next() * alphabet.length)]!;
      texts.push(text);
    }
    assert.equal(assertSame(texts), texts.length);
  });

  it('splits the tricky forms it was written for the same, with the expected sentences', () => {
    const text = 'Vi har bl.a. skolor, t.ex. i Å. Det s.k. målet (se 1.2) gäller ca. 5 år... Sedan? "Ja!" sa han. E.U. och J. Svensson. Se https://www.kommun.se/a.html. Klart';
    assertSame([text]);
    const sentences = splitLatin(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(sentences, [
      'Vi har bl.a. skolor, t.ex. i Å.',
      'Det s.k. målet (se 1.2) gäller ca. 5 år...',
      'Sedan?',
      '"Ja!" sa han.',
      'E.U. och J. Svensson.',
      'Se https://www.kommun.se/a.html.',
      'Klart',
    ]);
  });

  it('leaves other scripts to parse-latin', () => {
    assert.equal(canSplit('Kommunen – 5 € för år'), true);
    assert.equal(canSplit('Δήμος'), false);
    assert.equal(canSplit('emoji 😀'), false);
  });

  it("uses parse-latin's own expressions on every character it covers", async () => {
    const original = (await import(pathToFileURL(join(REPO, 'node_modules', 'parse-latin', 'lib', 'expressions.js')).href)) as Record<string, RegExp>;
    let checked = 0;
    for (let code = 0; code < 0x2100; code++) {
      if (!expressions.covered(code)) continue;
      checked++;
      const c = String.fromCharCode(code);
      for (const value of [c, c + c, c + c + c]) {
        for (const name of ['terminalMarker', 'wordSymbolInner', 'affixSymbol', 'numerical', 'digitStart'] as const) {
          assert.equal(expressions[name].test(value), original[name]!.test(value), `${name} on U+${code.toString(16)} x${value.length}`);
        }
        assert.equal(expressions.lowerInitial.test(value + 'x'), original.lowerInitial!.test(value + 'x'), `lowerInitial on U+${code.toString(16)}`);
      }
    }
    assert.ok(checked > 700);
  });
});
