// Issue 11 step 4: damage from PDF text extraction, each class with a safe fix only where
// the repair is certain. Texts written for these tests; the damage classes were seen in
// transcripts of municipal PDFs (addresses in server/src/engine/ocr/pdfDamage.ts).
import { strict as assert } from 'node:assert';
import { checkWords } from '../../server/src/engine/spelling/check.js';
import { loadSpeller, type Speller } from '../../server/src/engine/spelling/hunspell.js';
import { applyEdits, restoreText } from '../../server/src/engine/ocr/restore.js';
import { messageKeyFor } from '../../server/src/engine/ocr/repair.js';

describe('PDF-extraction damage (issue 11 step 4)', () => {
  let speller: Speller;
  before(async () => {
    speller = await loadSpeller();
  });
  const restore = (text: string) => applyEdits(text, restoreText(text, speller));
  const kinds = (text: string) => checkWords(text, speller).ocr.map((f) => [f.word, f.repair.kind, f.repair.replacement]);

  it('joins hyphenation left at a line end and inside a word, keeping it after an abbreviation', () => {
    const text = 'Beslutet fattas av kommun-\nfullmäktige och i kommunfull-mäktiges utskott, som driver EU-\nprojekt.';
    assert.equal(restore(text), 'Beslutet fattas av kommunfullmäktige och i kommunfullmäktiges utskott, som driver EU-projekt.');
  });

  it('leaves coordinated compounds and open compounds in a line alone', () => {
    const text = 'Vänorts- och partnerskapssamarbetet samt skol- och fritidsfrågor är viktiga.';
    assert.equal(restore(text), text);
    assert.deepEqual(kinds(text), []);
    // A hyphen before a space inside a line is only offered: it may be meant.
    const open = 'Det gäller kommun- fullmäktige.';
    assert.equal(restore(open), open);
    assert.equal(kinds(open)[0]?.[1], 'hyphenation');
  });

  it('puts back the hyphen lost after an abbreviation ("EUprojekt" → "EU-projekt")', () => {
    assert.equal(restore('Vi deltar i EUprojekt och ESFrådet beslutar.'), 'Vi deltar i EU-projekt och ESF-rådet beslutar.');
    // A name in capitals and lower case that is a word stays.
    assert.equal(restore('Kontakta SKR och Sverige.'), 'Kontakta SKR och Sverige.');
  });

  it('removes a doubled letter only where one fewer gives the word', () => {
    assert.equal(restore('En organisationn med god tilllämpning av reglerna.'), 'En organisation med god tillämpning av reglerna.');
    // Real words with double letters are not touched.
    const fine = 'Kommunen ska tillsammans med allmänheten skapa ett stabilt samhälle.';
    assert.equal(restore(fine), fine);
  });

  it('closes up a letter-spaced heading when every word it gives is a word', () => {
    assert.equal(restore('m å l  o c h  a m b i t i o n e r'), 'mål och ambitioner');
    const found = checkWords('m å l  o c h  a m b i t i o n e r', speller);
    assert.deepEqual(found.spelling, [], 'single letters are not misspellings too');
    assert.equal(found.ocr.length, 1);
  });

  it('replaces ligatures and removes soft hyphens', () => {
    assert.equal(restore('En ﬁnansiering från ﬂera håll och en kommun\u00ADstyrelse.'), 'En finansiering från flera håll och en kommunstyrelse.');
  });

  it('removes a page footer that stands alone; only offers to remove one inside prose', () => {
    const text = 'Kommunen ska arbeta vidare.\n\nSidan 4 av 7\n\nArbetet följs upp. Sidan 5 av 7 Kommunen redovisar.';
    const out = restore(text);
    assert.ok(!out.includes('Sidan 4 av 7'), out);
    assert.ok(out.includes('Sidan 5 av 7'), 'inside a paragraph it is only offered');
    const inline = checkWords(text, speller).ocr.find((f) => f.word === 'Sidan 5 av 7');
    assert.equal(inline?.repair.kind, 'page-furniture');
    assert.equal(messageKeyFor(inline.repair), 'furniture');
    // A reference in a sentence and a quantity are prose.
    const prose = 'Se sidan 4 av 7 nedan. Det gäller 4 av 9 kommuner.';
    assert.deepEqual(kinds(prose), []);
  });

  it('offers to remove a running header repeated on every page, but not its first occurrence', () => {
    const header = 'Förstudie om kommunens internationella arbete';
    const text = [header, 'Kommunen ska arbeta vidare.', header, 'Arbetet följs upp varje år.', header, 'Nämnderna redovisar.'].join('\n\n');
    const found = checkWords(text, speller).ocr.filter((f) => f.repair.kind === 'page-furniture');
    assert.equal(found.length, 2);
    assert.ok(found.every((f) => f.start > header.length && f.repair.replacement === undefined));
  });

  it('uses its own messages for PDF damage, furniture and unreadable text', () => {
    assert.equal(messageKeyFor({ kind: 'ligature', replacement: 'fin', suggestions: ['fin'] }), 'pdf-repair');
    assert.equal(messageKeyFor({ kind: 'symbol', replacement: 'över', suggestions: ['över'] }), 'repair');
    assert.equal(messageKeyFor({ kind: 'unreadable', suggestions: [] }), 'unreadable');
  });

  it('changes nothing in a clean text', () => {
    const clean = 'Kommunfullmäktige antog den internationella strategin. EU-projekt och ESF-rådet, vänorts- och partnerskapsarbete, 4 av 9 kommuner, sidan 4 i bilagan.';
    assert.deepEqual(kinds(clean), []);
  });
});
