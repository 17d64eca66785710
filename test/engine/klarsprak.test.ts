import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigLoader, documentReadability, FileError, lintText, lix, lixLevel, loadRuleSet, parseDocument, type ResolvedConfig } from '../../server/src/engine/index.js';
import { abbreviationList, replacementList } from '../../server/src/engine/checks/lists.js';
import { findLinksAndImages } from '../../server/src/engine/document/links.js';
import { formatLix } from '../../server/src/engine/checks/readability.js';
import { FIXTURES, REPO, TODAY } from '../helpers/paths.js';

/** Issue 13: plain Swedish, accessibility and current references. */
const NEW_RULES = ['lix', 'long-sentence', 'plain-words', 'abbreviation', 'number-format', 'heading-order', 'link-text', 'image-alt', 'table-header', 'law-reference', 'programme-name', 'agenda-goal'];
const ruleSet = loadRuleSet();
const loader = new ConfigLoader(ruleSet);

function withOptions(ruleId: string, options: Record<string, unknown>): ResolvedConfig {
  const config = loader.resolvePreset('recommended');
  const rules = new Map([...config.rules].map(([id, c]) => [id, { ...c }]));
  rules.set(ruleId, { ...rules.get(ruleId)!, options });
  return { ...config, rules };
}

function hits(text: string, ruleId: string, config?: ResolvedConfig): string[] {
  const result = lintText(text, { today: TODAY, ruleSet, ...(config ? { config } : {}) });
  return result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${d.messageKey}:${text.slice(d.range.start, d.range.end)}`);
}

describe('readability (LIX)', () => {
  it('is words per sentence plus the percentage of words over six letters, on the usual scale', () => {
    assert.equal(lix({ words: 100, sentences: 10, longWords: 40 }).lix, 50);
    assert.equal(lix({ words: 0, sentences: 0, longWords: 0 }).lix, 0);
    assert.deepEqual([29.9, 30, 45, 50, 60, 60.1].map(lixLevel), ['very-easy', 'easy', 'medium', 'hard', 'hard', 'very-hard']);
  });

  it('counts running text per section and for the document, not headings or table cells', () => {
    // 2 sentences, 8 words, long words: "kommunen" (8 letters), "samarbetar" (10); "Norden" has 6.
    const text = '# Rubrik med mycket långa rubrikord\n\nKommunen samarbetar i Norden. Vi reser.\n\n## Nästa\n\n| Internationaliseringsarbete |\n| --- |\n| Verksamhetsutveckling |\n\nJa, vi vet.\n';
    const doc = parseDocument(text);
    const result = documentReadability(doc);
    assert.deepEqual({ words: result.document.words, sentences: result.document.sentences, longWords: result.document.longWords }, { words: 9, sentences: 3, longWords: 2 });
    assert.equal(result.document.lix, Math.round((9 / 3 + 200 / 9) * 10) / 10);
    assert.deepEqual(
      result.sections.map((s) => [s.heading.text, s.words, s.sentences, s.longWords]),
      [
        ['Rubrik med mycket långa rubrikord', 6, 2, 2],
        ['Nästa', 3, 1, 0],
      ],
    );
  });

  it('writes a score as Swedish does, the same as Intl.NumberFormat("sv-SE") with one decimal', () => {
    const intl = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
    const scores = [0, 0.1, 9.9, 42, 42.3, 999.9, 1000, 1234.5, 12345.6, 1234567.8];
    for (let tenths = 0; tenths <= 30_000; tenths++) scores.push(lix({ words: tenths, sentences: 10, longWords: 0 }).lix);
    for (let i = 1; i <= 2_000; i++) scores.push(lix({ words: 997 * i, sentences: 1 + (i % 13), longWords: (31 * i) % (997 * i) }).lix);
    for (const score of scores) assert.equal(formatLix(score), intl.format(score), String(score));
    assert.equal(formatLix(1234.5), '1\u00a0234,5');
  });

  it('takes the ceiling and the section size from the options', () => {
    const text = readFileSync(join(FIXTURES, 'rules', 'lix', 'plain-document.md'), 'utf8');
    assert.deepEqual(hits(text, 'lix'), []);
    assert.deepEqual(
      hits(text, 'lix', withOptions('lix', { ceiling: 25, minWords: 20 })).map((h) => h.split(':')[0]),
      ['document', 'section'],
    );
  });

  it('long-sentence takes its limit from the options', () => {
    const text = '# Policy\n\nKommunstyrelsen leder det internationella arbetet och nämnderna ansvarar för sina egna projekt.\n';
    assert.deepEqual(hits(text, 'long-sentence'), []);
    assert.deepEqual(hits(text, 'long-sentence', withOptions('long-sentence', { maxWords: 8 })), ['long:Kommunstyrelsen leder det internationella arbetet']);
  });
});

describe('dated lists in rules/vocabulary', () => {
  it('load, with every entry citing a clause that exists', () => {
    for (const name of ['plain-words', 'laws', 'programmes']) {
      const list = replacementList(ruleSet, name);
      assert.ok(list.entries.length > 3, name);
      assert.match(list.updated, /^\d{4}-\d{2}-\d{2}$/);
      for (const e of list.entries) {
        const [doc, clause] = e.source.split('#') as [string, string];
        assert.ok(ruleSet.sources.get(doc)?.clauses.has(clause), `${name}: ${e.match} cites ${e.source}`);
      }
    }
    assert.ok(abbreviationList(ruleSet, 'abbreviations').known.includes('KF'));
  });

  it('name the file and line of a bad entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-lists-'));
    mkdirSync(join(dir, 'vocabulary'));
    writeFileSync(join(dir, 'vocabulary', 'bad.yml'), 'updated: 2026-01-01\nentries:\n  - match: "tillse"\n    replacement: "se till"\n    exact: true\n    source: "skrivregler#finns-inte"\n');
    const fake = { ...ruleSet, directory: dir };
    assert.throws(
      () => replacementList(fake, 'bad'),
      (e: unknown) => e instanceof FileError && e.line === 6 && /finns-inte/.test(e.message),
    );
  });
});

describe('presets', () => {
  it('klarsprak raises the plain-language rules, tillganglighet the accessibility rules; recommended keeps the defaults', () => {
    const recommended = loader.resolvePreset('recommended');
    const klarsprak = loader.resolvePreset('klarsprak');
    const tillganglighet = loader.resolvePreset('tillganglighet');
    for (const id of ['lix', 'long-sentence', 'plain-words', 'abbreviation', 'number-format']) {
      assert.equal(recommended.rules.get(id)!.severity, 'info', id);
      assert.equal(klarsprak.rules.get(id)!.severity, 'warning', id);
    }
    for (const id of ['heading-order', 'link-text', 'image-alt', 'table-header', 'language-of-parts']) assert.equal(tillganglighet.rules.get(id)!.severity, 'error', id);
    assert.equal(klarsprak.rules.get('adoption')!.severity, recommended.rules.get('adoption')!.severity);
  });

  it('recommended leaves ordinary official text (LIX 50–60) alone; klarsprak judges it and its sections against 55', () => {
    const text = readFileSync(join(REPO, 'examples', 'vanersborg-internationell-policy.md'), 'utf8');
    const lixOf = (config: ResolvedConfig): string[] =>
      lintText(text, { today: TODAY, ruleSet, config })
        .diagnostics.filter((d) => d.ruleId === 'lix')
        .map((d) => `${d.severity}:${d.messageKey}`);
    assert.deepEqual(lixOf(loader.resolvePreset('recommended')), []);
    const strict = lixOf(loader.resolvePreset('klarsprak'));
    assert.equal(strict[0], 'warning:document');
    assert.ok(strict.slice(1).length > 0 && strict.slice(1).every((k) => k === 'warning:section'), strict.join());
  });
});

describe('links and images', () => {
  it('are found with their text and target, outside code, inline HTML included', () => {
    const text = 'Se [här](a.html) och <a href="b.html">läs <b>mer</b></a>.\n\n![Karta](k.png) `![](x.png)`\n\n<img src="c.png" alt="">\n\n```\n[här](kod.html)\n```\n';
    const found = findLinksAndImages(text);
    assert.deepEqual(
      found.links.map((l) => [l.text, l.url, text.slice(l.textRange.start, l.textRange.end)]),
      [
        ['här', 'a.html', 'här'],
        ['läs mer', 'b.html', 'läs <b>mer</b>'],
      ],
    );
    assert.deepEqual(
      found.images.map((i) => [i.alt, i.url]),
      [
        ['Karta', 'k.png'],
        ['', 'c.png'],
      ],
    );
  });
});

describe('law-reference and programme-name', () => {
  it('leave a sentence about the time before the change alone, but not a current reference with a date in it', () => {
    assert.deepEqual(hits('# P\n\nPolicyn från 2012 byggde på kommunallagen (1991:900).\n', 'law-reference'), []);
    assert.deepEqual(hits('# P\n\nFrån 2025 gäller kommunallagen (1991:900) för nämnderna.\n', 'law-reference'), ['replace:kommunallagen (1991:900)']);
    assert.deepEqual(hits('# P\n\nKommunen söker medel ur Comenius (2007–2013) för skolorna.\n', 'programme-name'), ['suggest:Comenius']);
    assert.deepEqual(hits('# P\n\nÅr 2011 fick skolorna medel ur Comenius.\n', 'programme-name'), []);
  });
});

describe('fixes of the new rules', () => {
  it('carry the text they replace, and that text is what stands in the source', () => {
    let edits = 0;
    for (const ruleId of NEW_RULES) {
      const dir = join(FIXTURES, 'rules', ruleId);
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))) {
        const text = readFileSync(join(dir, name), 'utf8');
        for (const d of lintText(text, { today: TODAY, ruleSet }).diagnostics.filter((x) => NEW_RULES.includes(x.ruleId))) {
          for (const edit of (d.fixes ?? []).flatMap((f) => f.edits)) {
            assert.equal(typeof edit.expect, 'string', `${ruleId}/${name}: ${d.message.sv}`);
            assert.equal(text.slice(edit.start, edit.end), edit.expect, `${ruleId}/${name}: ${d.message.sv}`);
            edits++;
          }
        }
      }
    }
    assert.ok(edits >= 15, `only ${edits} edits checked`);
  });

  it('number-format leaves identifiers, dates, school years and file names alone', () => {
    const text = '# P\n\nProjektnummer 20201234, dnr KS 2024/00123, telefon 0511-38 60 00, org.nr 212000-1603.\nMötet 2024-05-12. Läsåret 2024/25. Filen rapport_2019-2020.pdf och plan.2019-2020.\n';
    assert.deepEqual(hits(text, 'number-format'), []);
  });
});

/**
 * Ten drafts written in the style of real municipal documents, without the problems the new
 * rules look for (test/fixtures/clean). Each new rule must be silent on all of them.
 */
describe('the new rules on clean drafts', () => {
  const dir = join(FIXTURES, 'clean');
  const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
  it('has ten drafts', () => assert.equal(names.length, 10));
  for (const name of names) {
    it(`${name}: no finding from ${NEW_RULES.length} new rules`, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const found = lintText(text, { today: TODAY, ruleSet }).diagnostics.filter((d) => NEW_RULES.includes(d.ruleId));
      assert.deepEqual(
        found.map((d) => `${d.ruleId}: ${d.message.sv}`),
        [],
      );
    });
  }
});
