import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePattern, findAll } from '../../server/src/engine/match/pattern.js';
import { LineIndex, loadRuleSet, lintText, FileError, applyFixes } from '../../server/src/engine/index.js';
import { REPO, TODAY } from '../helpers/paths.js';

describe('phrase patterns', () => {
  const matches = (pattern: string, text: string, vocabulary = {}) => findAll(compilePattern(pattern, vocabulary), text).map((m) => m.text);

  it('survive inflection with * and lost diacritics', () => {
    assert.deepEqual(matches('uppfölj*', 'Uppföljningen och uppfoljning, men inte uppföra.'), ['Uppföljningen', 'uppfoljning']);
    assert.deepEqual(matches('ansvarar för', 'Kommunstyrelsen ansvarar for arbetet.'), ['ansvarar for']);
    assert.deepEqual(matches('vart fjärde år', 'revideras vart fjarde ar'), ['vart fjarde ar']);
  });

  it('match whole words only, across line breaks', () => {
    assert.deepEqual(matches('skall', 'skall skallig Skall\nskall'), ['skall', 'Skall', 'skall']);
    assert.deepEqual(matches('vart fjärde år', 'vart\r\nfjärde år'), ['vart\r\nfjärde år']);
  });

  it('support alternatives, optional words, gaps and vocabulary lists', () => {
    assert.deepEqual(matches('ska|skall [inte] ses över', 'ska ses över; skall inte ses över'), ['ska ses över', 'skall inte ses över']);
    assert.deepEqual(matches('för ... ansvarar', 'För den nordiska vänortskedjan ansvarar nämnden'), ['För den nordiska vänortskedjan ansvarar']);
    assert.deepEqual(matches('till {body}', 'redovisas till kommunstyrelsen', { body: ['kommunstyrelse*', 'KS'] }), ['till kommunstyrelsen']);
    assert.throws(() => compilePattern('{saknas}', {}), /okänd lista/);
  });

  it('ignore case in every letter, OCR look-alikes included, without the i flag', () => {
    assert.deepEqual(matches('uppfölj* årligen', 'UPPFÖLJNING ÅRLIGEN, Uppfoljning Arligen'), ['UPPFÖLJNING ÅRLIGEN', 'Uppfoljning Arligen']);
    assert.deepEqual(matches('{date}', 'den 3 Mars 2021 och 4 MAJ 2022'), ['3 Mars 2021', '4 MAJ 2022']);
    assert.equal(compilePattern('skall').flags.includes('i'), false);
  });

  it('treat a bracketed run of words as one optional group', () => {
    assert.deepEqual(matches('ansvaret [för ...] ligger hos', 'Ansvaret ligger hos KS. Ansvaret för det internationella arbetet ligger hos KS.'), [
      'Ansvaret ligger hos',
      'Ansvaret för det internationella arbetet ligger hos',
    ]);
    // A leading optional word never leaves the match starting with a space.
    assert.deepEqual(matches('[det] arbetet', 'Det arbetet; arbetet'), ['Det arbetet', 'arbetet']);
    assert.throws(() => compilePattern('ansvaret [för ... ligger'), /utan "\]"/);
    assert.throws(() => compilePattern('a [b [c]]'), /nästlade/);
  });
});

describe('LineIndex', () => {
  it('counts CRLF, CR and LF as one line break each, and hides the BOM', () => {
    const text = '\uFEFFa\r\nb\rc\nd';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.position(1), { line: 1, column: 1 });
    assert.deepEqual(lines.position(text.indexOf('b')), { line: 2, column: 1 });
    assert.deepEqual(lines.position(text.indexOf('c')), { line: 3, column: 1 });
    assert.deepEqual(lines.position(text.indexOf('d')), { line: 4, column: 1 });
    assert.equal(lines.offset({ line: 4, column: 1 }), text.indexOf('d'));
  });
});

describe('rule files', () => {
  function brokenRules(edit: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-rules-'));
    cpSync(join(REPO, 'rules'), dir, { recursive: true });
    edit(dir);
    return dir;
  }

  it('every bundled rule has messages in both languages and cites real clauses', () => {
    const ruleSet = loadRuleSet();
    assert.ok(ruleSet.rules.size >= 14);
    for (const rule of ruleSet.rules.values()) {
      for (const m of Object.values(rule.messages)) assert.ok(m.sv && m.en, rule.id);
      for (const ref of rule.sources) assert.ok(ruleSet.sources.get(ref.document)?.clauses.has(ref.clause), `${rule.id} → ${ref.document}#${ref.clause}`);
    }
  });

  it('a schema error names the file, the line and the key', () => {
    const dir = brokenRules((d) => writeFileSync(join(d, 'skall.yml'), readFileSync(join(d, 'skall.yml'), 'utf8').replace('severity: info', 'severity: fatal')));
    assert.throws(
      () => loadRuleSet(dir),
      (e: unknown) => e instanceof FileError && e.file.endsWith('skall.yml') && e.line === 3 && /severity/.test(e.message),
    );
  });

  it('a changed schema is compiled at load, not checked with the prebuilt validator', () => {
    // The bundled schemas are compiled at build time; another rules directory's schema is not.
    const dir = brokenRules((d) => {
      const schemaFile = join(d, 'schema', 'rule.schema.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { properties: { severity: { enum: string[] } } };
      schema.properties.severity.enum.push('fatal');
      writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
      writeFileSync(join(d, 'skall.yml'), readFileSync(join(d, 'skall.yml'), 'utf8').replace('severity: info', 'severity: fatal'));
    });
    assert.equal(loadRuleSet(dir).rules.get('skall')?.severity, 'fatal');
  });

  it('a quote that is not in the cited clause is an error', () => {
    const dir = brokenRules((d) => writeFileSync(join(d, 'skall.yml'), readFileSync(join(d, 'skall.yml'), 'utf8').replace('skall vila på', 'skall stå på')));
    assert.throws(() => loadRuleSet(dir), /citatet finns inte i alingsas#bakgrund-7/);
  });

  it('a bad pattern is an error naming the file', () => {
    const dir = brokenRules((d) => writeFileSync(join(d, 'follow-up.yml'), readFileSync(join(d, 'follow-up.yml'), 'utf8').replace('{frequency}', '{frekvens}')));
    assert.throws(() => loadRuleSet(dir), /follow-up\.yml: felaktigt mönster.*okänd lista \{frekvens\}/);
  });
});

describe('responsible-body on odd names', () => {
  it('a body named with brackets or pattern symbols neither throws nor counts as defined', () => {
    const text = '# Policy\n\n## Ansvar\n\nInternationella [rådet ansvarar för arbetet. [Internationella rådet] ansvarar för arbetet.\n\n{Kommun|styrelse*} ansvarar för [rådet.\n';
    const ids = lintText(text, { today: TODAY }).diagnostics.map((d) => d.ruleId);
    // Named but never described, so not defined: responsible-body still reports them.
    assert.ok(ids.includes('responsible-body'));
  });
});

describe('missing-section fixes', () => {
  it('insert the section before the next section in canonical order, keeping text intact', () => {
    const text = '# Internationell strategi\n\n## Syfte\n\nText om syftet.\n\n## Relaterade styrdokument\n\n- Vision\n';
    const result = lintText(text, { today: TODAY });
    const followUp = result.diagnostics.find((d) => d.ruleId === 'follow-up')!;
    const fix = followUp.fixes![0]!;
    assert.equal(fix.safe, false);
    assert.ok(fix.snippet);
    const edited = applyFixes(text, [{ ...followUp, fixes: [{ ...fix, safe: true }] }]).text;
    assert.ok(edited.indexOf('## Uppföljning och utvärdering') < edited.indexOf('## Relaterade styrdokument'));
    assert.ok(edited.indexOf('## Syfte') < edited.indexOf('## Uppföljning och utvärdering'));
    assert.equal(edited.replace(/## Uppföljning och utvärdering[\s\S]*?\n\n(?=## Relaterade)/, ''), text);
    // The section is there; its placeholders are not an answer: the rule still says what is
    // missing, and every placeholder is reported until the official fills it in.
    const after = lintText(edited, { today: TODAY }).diagnostics;
    assert.deepEqual(
      after.filter((d) => d.ruleId === 'follow-up').map((d) => d.messageKey),
      ['partial'],
    );
    assert.deepEqual(
      after.filter((d) => d.ruleId === 'placeholder').map((d) => d.data?.found),
      ['[hur ofta]', '[vilket organ]', '[i vilken rapport]'],
    );
  });
});
