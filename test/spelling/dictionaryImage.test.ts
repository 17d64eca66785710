import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDictionaryDir, loadInstance } from '../../server/src/engine/spelling/hunspell.js';
import { cacheDirectory, imageFiles, pruneCache, readImageHeader } from '../../server/src/engine/spelling/dictionaryImage.js';
import type { HunspellInstance } from '../../server/src/engine/spelling/hunspellRuntime.js';

/** Every 53rd dictionary stem, the same with a letter added, and words OCR and typing damage. */
function sampleWords(dir: string): string[] {
  const stems = readFileSync(path.join(dir, 'index.dic'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0]!.trim())
    .filter((w, i) => w && i % 53 === 0);
  return [...stems, ...stems.map((w) => `${w}q`), 'kommunfullmaktige', 'fran', 'Åmål', 'A\u030amål', 'utvärderingsrapporterna', '6ver', 'x'.repeat(5000)];
}

const verdicts = (instance: HunspellInstance, words: readonly string[]): boolean[] => words.map((w) => instance.spell(w));

describe('spelling: the parsed dictionary kept as an image', function () {
  this.timeout(60_000);
  const dictionary = defaultDictionaryDir();
  let cache: string;
  let env: NodeJS.ProcessEnv;
  let words: string[];
  let parsed: boolean[];

  before(async () => {
    words = sampleWords(dictionary);
    parsed = verdicts(await loadInstance(dictionary, { POLICYLINT_CACHE_DIR: '' }), words);
  });
  beforeEach(() => {
    cache = mkdtempSync(path.join(os.tmpdir(), 'policylint-image-'));
    env = { POLICYLINT_CACHE_DIR: cache };
  });
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  const cacheFile = (): string => imageFiles(dictionary, env).at(-1)!;

  it('parses once, then restores a speller that answers exactly as the parsed one', async () => {
    const first = await loadInstance(dictionary, env);
    assert.equal(first.restored, false);
    assert.ok(readImageHeader(cacheFile()), 'an image was written');
    const second = await loadInstance(dictionary, env);
    assert.equal(second.restored, true);
    assert.deepEqual(verdicts(second, words), parsed);
    assert.ok(parsed.some(Boolean) && !parsed.every(Boolean), 'the sample has words and non-words');
    assert.deepEqual(second.suggest('kommunfullmaktige'), first.suggest('kommunfullmaktige'));
    second.addWord('Strandviksmodellen');
    assert.ok(second.spell('Strandviksmodellen'));
    assert.ok(!first.spell('Strandviksmodellen'), 'each load is its own instance');
  });

  it('fits every program that loads the dictionary: the CLI and the server share one image', async () => {
    const script = process.argv[1];
    try {
      process.argv[1] = '/opt/policylint/bin/policylint.js';
      await loadInstance(dictionary, env);
      process.argv[1] = '/home/someone/.vscode/extensions/policylint-1.0.0/dist/server-start.cjs';
      assert.equal((await loadInstance(dictionary, env)).restored, true);
    } finally {
      process.argv[1] = script!;
    }
  });

  it('does not use an image whose bytes were damaged, and writes a good one in its place', async () => {
    await loadInstance(dictionary, env);
    const bytes = readFileSync(cacheFile());
    bytes[bytes.length - 1_000_000]! ^= 0xff;
    writeFileSync(cacheFile(), bytes);
    const damaged = await loadInstance(dictionary, env);
    assert.equal(damaged.restored, false);
    assert.deepEqual(verdicts(damaged, words), parsed);
    assert.equal((await loadInstance(dictionary, env)).restored, true);
  });

  it('does not use a cut-off image or a file that is no image', async () => {
    await loadInstance(dictionary, env);
    const bytes = readFileSync(cacheFile());
    writeFileSync(cacheFile(), bytes.subarray(0, bytes.length / 2));
    assert.equal((await loadInstance(dictionary, env)).restored, false);
    writeFileSync(cacheFile(), 'PLHI not an image');
    const instance = await loadInstance(dictionary, env);
    assert.equal(instance.restored, false);
    assert.deepEqual(verdicts(instance, words.slice(0, 200)), parsed.slice(0, 200));
  });

  it('keeps images of two dictionaries apart, and never restores one for the other', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'policylint-dictionary-'));
    try {
      writeFileSync(path.join(other, 'index.aff'), 'SET UTF-8\n');
      writeFileSync(path.join(other, 'index.dic'), '2\nstrandvik\nkommun\n');
      // The other dictionary's image put where the Swedish one's belongs.
      await loadInstance(other, env);
      cpSync(imageFiles(other, env).at(-1)!, cacheFile());
      const swedish = await loadInstance(dictionary, env);
      assert.equal(swedish.restored, false);
      assert.ok(swedish.spell('kommunstyrelsen'));
      const small = await loadInstance(other, env);
      assert.equal(small.restored, true);
      assert.ok(small.spell('strandvik') && !small.spell('kommunstyrelsen'));
      // Once the other dictionary is deleted, the next prune removes its image, not the Swedish one.
      rmSync(other, { recursive: true, force: true });
      pruneCache(cache);
      assert.equal(existsSync(imageFiles(other, env).at(-1)!), false);
      assert.ok(readImageHeader(cacheFile()), 'the Swedish image stays');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('prefers an image beside the dictionary (the packaged extension ships one)', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'policylint-dictionary-'));
    try {
      for (const f of ['index.aff', 'index.dic']) cpSync(path.join(dictionary, f), path.join(copy, f));
      await loadInstance(copy, env);
      cpSync(imageFiles(copy, env).at(-1)!, path.join(copy, 'index.img'));
      rmSync(cache, { recursive: true, force: true });
      const restored = await loadInstance(copy, env);
      assert.equal(restored.restored, true);
      assert.ok(!existsSync(cache), 'nothing written to the cache');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('works without a cache: turned off, or a directory that cannot be written', async () => {
    const off = await loadInstance(dictionary, { POLICYLINT_CACHE_DIR: '' });
    assert.equal(off.restored, false);
    const blocker = path.join(cache, 'a-file');
    writeFileSync(blocker, '');
    const unwritable = await loadInstance(dictionary, { POLICYLINT_CACHE_DIR: path.join(blocker, 'cache') });
    assert.equal(unwritable.restored, false);
    assert.ok(unwritable.spell('kommunstyrelsen'));
  });

  it('finds the cache directory as XDG says, and prunes images unused for a month', () => {
    assert.equal(cacheDirectory({ XDG_CACHE_HOME: '/x/cache' }), path.join('/x/cache', 'policylint'));
    assert.equal(cacheDirectory({ POLICYLINT_CACHE_DIR: '' }), undefined);
    const old = path.join(cache, 'hunspell-old.img');
    const recent = path.join(cache, 'hunspell-recent.img');
    const unrelated = path.join(cache, 'notes.txt');
    for (const f of [old, recent, unrelated]) writeFileSync(f, '');
    const now = Date.now();
    const monthsAgo = new Date(now - 40 * 24 * 3600 * 1000);
    utimesSync(old, monthsAgo, monthsAgo);
    utimesSync(unrelated, monthsAgo, monthsAgo);
    pruneCache(cache, now);
    assert.deepEqual(readdirSync(cache).sort(), ['hunspell-recent.img', 'notes.txt']);
  });
});
