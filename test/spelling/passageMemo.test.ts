import { strict as assert } from 'node:assert';
import { checkPassages, splitPassages, type Passage } from '../../server/src/engine/spelling/check.js';
import { loadSpeller, type Speller } from '../../server/src/engine/spelling/hunspell.js';
import { LruCache } from '../../server/src/engine/spelling/lruCache.js';
import { createTextMemo, textMemo } from '../../server/src/engine/spelling/passageMemo.js';
import { readSeed } from '../ocr/seeds.js';

/** Counts the dictionary look-ups a speller is asked for. */
function counting(speller: Speller): { speller: Speller; calls: () => number } {
  let calls = 0;
  return {
    speller: {
      correct: (w) => {
        calls++;
        return speller.correct(w);
      },
      suggest: (w) => speller.suggest(w),
      addWords: (w) => speller.addWords(w),
    },
    calls: () => calls,
  };
}

/** The same paragraphs as new objects, as the next draft of a run would have them. */
const copies = (passages: readonly Passage[]): Passage[] => passages.map((p) => ({ text: p.text }));

describe('word caches are bounded (issue 15)', () => {
  it('LruCache forgets the least recently used entry first', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    assert.equal(cache.get('a'), 1); // now the newest
    cache.set('d', 4);
    assert.equal(cache.has('b'), false);
    assert.deepEqual(
      ['a', 'c', 'd'].map((k) => cache.get(k)),
      [1, 3, 4],
    );
    assert.equal(cache.size, 3);
  });

  it('LruCache weighs entries when told how', () => {
    const cache = new LruCache<string, string>(10, (k, v) => k.length + v.length);
    cache.set('aa', 'aaaa'); // 6
    cache.set('bb', 'bb'); // 4: 10 in all, still fits
    assert.equal(cache.size, 2);
    cache.set('c', 'c'); // 12: the oldest goes
    assert.equal(cache.has('aa'), false);
    assert.equal(cache.get('bb'), 'bb');
    // One entry heavier than the limit is still kept (until the next one comes).
    cache.set('big', 'x'.repeat(20));
    assert.equal(cache.get('big')?.length, 20);
    assert.equal(cache.size, 1);
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

  it('a speller that accepts more words gets a fresh memo', () => {
    const memo = textMemo(speller);
    assert.equal(textMemo(speller), memo);
    speller.addWords([]);
    assert.notEqual(textMemo(speller), memo);
  });
});
