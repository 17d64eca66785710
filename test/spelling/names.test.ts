import { strict as assert } from 'node:assert';
import { checkWords, findMisspellings } from '../../server/src/engine/spelling/check.js';
import { englishSentences } from '../../server/src/engine/spelling/english.js';
import { loadSpeller, type Speller } from '../../server/src/engine/spelling/hunspell.js';
import { municipalityNames } from '../../server/src/engine/spelling/names.js';
import { lintText } from '../../server/src/engine/index.js';
import { TODAY } from '../helpers/paths.js';

/** Words flagged as warnings and as name notes. */
function verdicts(text: string, speller: Speller): { warnings: string[]; names: string[] } {
  const { spelling } = checkWords(text, speller);
  return { warnings: spelling.filter((m) => !m.name).map((m) => m.word), names: spelling.filter((m) => m.name).map((m) => m.word) };
}

describe('spelling: names, abbreviations and English (issue 13 step 4)', () => {
  let speller: Speller;
  before(async () => {
    speller = await loadSpeller();
  });

  it('keeps the period of dotted abbreviations ("bl.a.", "m.fl.", "osv.", "inkl.", "resp.")', () => {
    const text = 'Vi samarbetar bl.a. med skolor, m.fl. aktörer, osv. Priset är inkl. moms resp. exkl. moms, t.ex. för s.k. projekt.';
    assert.deepEqual(verdicts(text, speller).warnings, []);
  });

  it('still catches a misspelling at the end of a sentence and a cut abbreviation the dictionary lacks', () => {
    // findMisspellings alone: in checkWords ocr-artifact takes "hållbarr" (a repairable word).
    const found = findMisspellings('Arbetet ska vara hållbarr. Det gäller xq.zv. också.', speller).filter((m) => !m.name);
    assert.deepEqual(
      found.map((m) => m.word),
      ['hållbarr', 'xq', 'zv'],
    );
  });

  it('notes a run of capitalised unknown words as a name, not a warning ("North Sweden European Office")', () => {
    const { warnings, names } = verdicts('Kommunen samarbetar med North Sweden European Office och Union of the Baltic Cities om sammanhållningspolitiken.', speller);
    assert.deepEqual(warnings, []);
    assert.deepEqual(names, ['North', 'European', 'Baltic', 'Cities']);
  });

  it('notes a capitalised unknown word inside a sentence as a name; at a sentence start only if the document writes it as a name elsewhere', () => {
    const text = 'Vänorten heter Kongsvinger.\n\nKongsvinger ligger i Norge. Xyzqvist är fel.';
    const { warnings, names } = verdicts(text, speller);
    assert.deepEqual(names, ['Kongsvinger', 'Kongsvinger']);
    assert.deepEqual(warnings, ['Xyzqvist']);
  });

  it('a capitalised word after an abbreviation\'s period is not at a sentence start ("bl.a. Finnskogleden")', () => {
    assert.deepEqual(verdicts('Vi marknadsför vandringsleder, bl.a. Finnskogleden.', speller), { warnings: [], names: ['Finnskogleden'] });
  });

  it('knows the municipality the document names, with its genitive, even at a sentence start', () => {
    assert.deepEqual([...municipalityNames('Internationell strategi för Vänersby kommun')].sort(), ['Vänersby', 'Vänersbys']);
    const text = '# Internationell strategi för Vänersby kommun\n\nVänersbys invånare ska få nytta av arbetet. Vänersby deltar i projekt.';
    assert.deepEqual(verdicts(text, speller), { warnings: [], names: [] });
  });

  it('leaves English sentences alone and checks the Swedish ones around them', () => {
    const text = 'Deltagarna skrev en deklaration. The partners will report the number of young people reached each year. Den innehåller tolv förslg.';
    const english = englishSentences(text);
    assert.equal(english.length, 1);
    assert.match(text.slice(english[0]!.start, english[0]!.end), /^ ?The partners/u);
    assert.deepEqual(verdicts(text, speller), { warnings: ['förslg'], names: [] });
  });

  it('a lowercase misspelling inside Swedish prose stays a warning even next to names', () => {
    assert.deepEqual(verdicts('Utbytet med Saarikoski och Kongsvinger gav många nya erfarenheeter.', speller), { warnings: ['erfarenheeter'], names: ['Saarikoski', 'Kongsvinger'] });
  });

  it('the engine reports a name at info level with the message key "name", a misspelling as the configured warning', () => {
    const text = '# Policy för Vänersby kommun\n\nVi samarbetar med Saarikoski om utvekling av skolan.\n';
    const found = lintText(text, { today: TODAY, services: { speller } }).diagnostics.filter((d) => d.ruleId === 'spelling');
    const byWord = new Map(found.map((d) => [String(d.data?.word), d]));
    assert.equal(byWord.get('Saarikoski')?.severity, 'info');
    assert.equal(byWord.get('Saarikoski')?.messageKey, 'name');
    assert.match(byWord.get('Saarikoski')!.message.en, /^Unknown name/u);
    assert.equal(byWord.get('utvekling')?.severity, 'warning');
    assert.equal(byWord.has('Vänersby'), false);
    for (const d of found) assert.equal(text.slice(d.range.start, d.range.end), d.data?.word);
  });
});
