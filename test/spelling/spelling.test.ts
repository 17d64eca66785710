import { strict as assert } from 'node:assert';
import { checkWords, findMisspellings } from '../../server/src/engine/spelling/check.js';
import { loadSpeller, type Speller } from '../../server/src/engine/spelling/hunspell.js';
import { suggestionsFor } from '../../server/src/engine/spelling/suggest.js';
import { tokenize } from '../../server/src/engine/spelling/tokens.js';
import { findDefinedAbbreviations, skipReason } from '../../server/src/engine/spelling/words.js';
import { readSeed } from '../ocr/seeds.js';

describe('spelling: Hunspell speller', () => {
  let speller: Speller;
  before(async () => {
    speller = await loadSpeller();
  });

  it('loads once per process', async () => {
    assert.equal(await loadSpeller(), speller);
  });

  it('accepts Swedish compounds and rejects OCR damage and nonsense', () => {
    for (const w of ['kommunstyrelsen', 'kompetenshöjning', 'förvaltningsövergripande', 'EU-kommissionens', 'Åmåls']) {
      assert.ok(speller.correct(w), w);
    }
    for (const w of ['6ver', 'Iang', 'vardefulla', 'xyzabc', 'ocksa']) assert.ok(!speller.correct(w), w);
  });

  it('suggests lazily, OCR repairs first', () => {
    assert.equal(suggestionsFor('vardefulla', speller)[0], 'värdefulla');
    assert.equal(suggestionsFor('6ver', speller)[0], 'över');
  });

  it('addWords accepts a user word', () => {
    assert.ok(!speller.correct('Fyrbodalx'));
    speller.addWords(['Fyrbodalx']);
    assert.ok(speller.correct('Fyrbodalx'));
  });

  it('clean Åmål and Alingsås texts: no spelling or OCR alarms', () => {
    for (const seed of ['001', '002'] as const) {
      const { spelling, ocr } = checkWords(readSeed(seed), speller);
      assert.deepEqual(
        spelling.map((s) => s.word),
        [],
        `spelling in ${seed}`,
      );
      assert.deepEqual(
        ocr.map((o) => o.word),
        [],
        `ocr in ${seed}`,
      );
    }
  });

  it('skips URLs, e-mail, numbers, § references, diarienummer and defined abbreviations', () => {
    const text =
      'Se https://www.vgregion.se/utvecklingsstrategi-for-vastra och skriv till kansli@amal.se. ' +
      'Beslut KS 2024/512 enligt § 85 år 2021–2030. ARKO (elva gränskommuner i samverkan) ' +
      'och Sveriges Kommuner och Regioner (SKR) samarbetar; ARKO:s arbete och SKR fortsätter. XQZW saknas.';
    assert.deepEqual(
      findMisspellings(text, speller).map((m) => m.word),
      ['XQZW'],
    );
  });

  it('accepts the first half of a coordinated compound ("nytto- respektive riskanalys")', () => {
    assert.deepEqual(findMisspellings('En nytto- respektive riskanalys görs.', speller), []);
  });

  // Speed is measured in `npm run bench`, not asserted here (shared, noisy machines).
  it('gives the same findings warm (per-word cache) as cold', () => {
    const text = Array.from({ length: 3 }, () => readSeed('000') + '\n\n' + readSeed('002')).join('\n\n');
    speller.addWords([]); // empties the per-word caches earlier tests filled, so the first run is cold
    const cold = checkWords(text, speller);
    const warm = checkWords(text, speller);
    assert.deepEqual(warm, cold);
    assert.ok(cold.ocr.length > 100);
  });
});

describe('spelling: tokens and skip rules', () => {
  it('keeps OCR symbols inside words', () => {
    const words = tokenize('vi &r 6ver I6pande Lidk6pings (V6) | och').map((t) => t.text);
    assert.deepEqual(words, ['vi', '&r', '6ver', 'I6pande', 'Lidk6pings', 'V6', '|', 'och']);
  });

  it('finds abbreviations defined either way round', () => {
    const defined = findDefinedAbbreviations('ARKO (elva gränskommuner) och Internationellt centrum (ICLD).');
    assert.deepEqual([...defined].sort(), ['ARKO', 'ICLD']);
  });

  it('skips front matter keys', () => {
    const text = '---\nansvarig: KS\n---\nText';
    const token = tokenize(text).find((t) => t.text === 'ansvarig')!;
    assert.equal(skipReason(token, { text, definedAbbreviations: new Set(), userWords: new Set() }), 'front-matter-key');
  });
});
