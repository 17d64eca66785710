import { strict as assert } from 'node:assert';
import { checkPassages, splitPassages, type Passage } from '../../server/src/engine/spelling/check.js';
import { loadSpeller, type Speller } from '../../server/src/engine/spelling/hunspell.js';
import { CachePerSpeller, RecentCache } from '../../server/src/engine/spelling/recentCache.js';
import { repairCandidates } from '../../server/src/engine/ocr/candidates.js';
import { createTextMemo, textMemo } from '../../server/src/engine/spelling/passageMemo.js';
import { lintText } from '../../server/src/engine/index.js';
import type { ResolvedConfig } from '../../server/src/engine/config/model.js';
import { TODAY } from '../helpers/paths.js';
import { readSeed } from '../ocr/seeds.js';
import { counting } from '../helpers/countingSpeller.js';

/** The same paragraphs as new objects, as the next draft of a run would have them. */
const copies = (passages: readonly Passage[]): Passage[] => passages.map((p) => ({ text: p.text }));

describe('word caches are bounded (issue 15)', () => {
  it('RecentCache drops what was not used for a generation, and keeps what was', () => {
    // A generation holds half the limit: it turns over when its third entry comes.
    const cache = new RecentCache<string, number>(4);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    assert.equal(cache.get('a'), 1); // used: moves to the new generation
    cache.set('d', 4);
    cache.set('e', 5);
    assert.equal(cache.has('b'), false);
    assert.equal(cache.has('c'), false);
    assert.deepEqual(
      ['a', 'd', 'e'].map((k) => cache.get(k)),
      [1, 4, 5],
    );
    assert.ok(cache.size <= 4);
  });

  it('RecentCache weighs entries when told how, and never holds more than its limit', () => {
    const cache = new RecentCache<string, string>(10, (k, v) => k.length + v.length);
    cache.set('aa', 'aaaa'); // 6: more than half the limit, a generation of its own
    cache.set('bb', 'bb'); // 4
    cache.set('c', 'c'); // 2: the generation of "bb" is full; the one of "aa" goes
    assert.equal(cache.has('aa'), false);
    assert.equal(cache.get('bb'), 'bb');
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, 'v');
    assert.ok(cache.size <= 10 / 3 + 1);
  });
});

describe('word caches follow the speller (issue 15)', () => {
  it('a speller whose version changed gets a fresh cache', () => {
    const caches = new CachePerSpeller<number>(10);
    const speller = { version: 0 };
    caches.for(speller).set('ord', 1);
    assert.equal(caches.for(speller).get('ord'), 1);
    speller.version++;
    assert.equal(caches.for(speller).get('ord'), undefined);
  });

  it('OCR candidates asked for again after addWords see the added word', async () => {
    const speller = await loadSpeller();
    assert.deepEqual(repairCandidates('Kvarnhallabyn', speller), []);
    speller.addWords(['Kvarnhällabyn']);
    assert.deepEqual(
      repairCandidates('Kvarnhallabyn', speller).map((c) => c.word),
      ['Kvarnhällabyn'],
    );
  });
});

describe('word rules: results of a paragraph reused by its text (issue 15)', function () {
  this.timeout(20000);
  let speller: Speller;
  before(async () => {
    speller = await loadSpeller();
  });

  it('a memo by text computes once for equal texts, and keeps nothing it is told not to', () => {
    const memo = createTextMemo(1000);
    let runs = 0;
    const compute = () => ++runs;
    assert.equal(memo({ text: 'samma stycke' }, 'k', compute), memo({ text: 'samma stycke' }, 'k', compute));
    assert.equal(runs, 1);
    memo({ text: 'samma stycke' }, 'other key', compute);
    assert.equal(runs, 2);
    memo({ text: 'ett annat' }, 'k', compute, () => false);
    memo({ text: 'ett annat' }, 'k', compute, () => false);
    assert.equal(runs, 4);
  });

  it('an OCR-damaged draft linted twice: the same findings, and no look-ups the second time', () => {
    const passages = splitPassages(readSeed('003'));
    const plain = checkPassages(passages, speller, new Set());
    const { speller: counted, calls } = counting(speller);
    const memo = createTextMemo(1_000_000);
    // The accepted words are named by identity in the memo's keys (one set per configuration).
    const accepted = new Set<string>();
    const first = checkPassages(copies(passages), counted, accepted, memo);
    const before = calls();
    assert.ok(before > 0);
    const second = checkPassages(copies(passages), counted, accepted, memo);
    assert.deepEqual(first, plain);
    assert.deepEqual(second, plain);
    assert.ok(plain.some((r) => r.ocr.length > 0) && plain.some((r) => r.spelling.length > 0), 'the seed has findings of both rules');
    assert.equal(calls(), before, 'the second lint is answered from the memo');
  });

  it('what was checked after the search budget ran out is not kept: the next lint checks it again', () => {
    // Thirty different words full of "éa" glyph merges: their repair searches cost far more
    // look-ups than the document's budget (2,000 plus one per letter).
    const letters = 'bcdfghjklmnprstv';
    const passages = Array.from({ length: 30 }, (_, i) => ({ text: `Det gäller ${'méa'.repeat(5)}${letters[i % 16]}${letters[i >> 4]}${'éa'.repeat(3)} här.` }));
    const { speller: counted, calls } = counting(speller);
    const memo = createTextMemo(1_000_000);
    const accepted = new Set<string>();
    const first = checkPassages(copies(passages), counted, accepted, memo);
    assert.ok(
      first.some((r) => r.budgetSpent),
      'the budget ran out',
    );
    const before = calls();
    checkPassages(copies(passages), counted, accepted, memo);
    assert.ok(calls() > before, 'the passages cut short were checked again');
  });

  it('results depend on the accepted words: another word list is not answered from the memo', () => {
    const passages = splitPassages(readSeed('003'));
    const memo = createTextMemo(1_000_000);
    const plain = checkPassages(passages, speller, new Set());
    const word = plain.flatMap((r) => r.spelling)[0]!.word;
    checkPassages(copies(passages), speller, new Set(), memo);
    assert.ok(
      checkPassages(copies(passages), speller, new Set(), memo)
        .flatMap((r) => r.spelling)
        .some((m) => m.word === word),
    );
    const accepting = checkPassages(copies(passages), speller, new Set([word]), memo);
    assert.equal(
      accepting.flatMap((r) => r.spelling).some((m) => m.word === word),
      false,
    );
  });

  it('the CLI: the next draft, with its configuration read afresh, reuses the paragraphs the first one had', () => {
    const { speller: counted, calls } = counting(speller);
    // Each file gets its own configuration object, equal in content.
    const config = (): ResolvedConfig => ({ rules: new Map(), words: ['Lidköpingsmodellen'], ignores: [] });
    const text = `# Internationellt arbete\n\n${readSeed('003')}`;
    const lint = () => lintText(text, { today: TODAY, config: config(), services: { speller: counted } }).diagnostics.filter((d) => d.ruleId === 'spelling' || d.ruleId === 'ocr-artifact');
    const first = lint();
    const before = calls();
    assert.ok(first.length > 0 && before > 0);
    assert.deepEqual(lint(), first);
    assert.equal(calls(), before);
  });

  it('a speller that accepts more words gets a fresh memo', () => {
    const memo = textMemo(speller);
    assert.equal(textMemo(speller), memo);
    speller.addWords([]);
    assert.notEqual(textMemo(speller), memo);
  });
});
