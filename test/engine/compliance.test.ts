import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complianceReport, documentTemplate, lintText, loadRuleSet, type ResolvedConfig } from '../../server/src/engine/index.js';
import { REPO, TODAY } from '../helpers/paths.js';

const POLICY = [
  '# Internationell policy för Exempelby kommun',
  '',
  'Antagen av kommunfullmäktige den 3 mars 2025, § 21.',
  '',
  '## Syfte',
  '',
  'Syftet med policyn är att samla kommunens internationella arbete.',
  '',
  '## Ansvar',
  '',
  'Kommunstyrelsen ansvarar för det internationella arbetet.',
  '',
].join('\n');

describe('lint result: sections', () => {
  it('returns the sections the rules saw, with their sections.yml ids', () => {
    const result = lintText(POLICY, { today: TODAY });
    assert.deepEqual(
      result.sections.map((s) => [s.heading.text, s.id]),
      [
        ['Internationell policy för Exempelby kommun', undefined],
        ['Syfte', 'syfte'],
        ['Ansvar', 'organisation'],
      ],
    );
  });

  it('a refused document has no sections', () => {
    assert.deepEqual(lintText(POLICY, { today: TODAY, limits: { documentChars: 10 } }).sections, []);
  });
});

describe('compliance report (engine)', () => {
  const ruleSet = loadRuleSet();
  const byRule = (config?: ResolvedConfig) => {
    const result = lintText(POLICY, { today: TODAY, ...(config ? { config } : {}) });
    return { result, entries: new Map(complianceReport(result, ruleSet, config, 'sv').entries.map((e) => [e.rule.id, e])) };
  };

  it('a found section points at its heading; a missing element at its finding', () => {
    const { result, entries } = byRule();
    const purpose = entries.get('purpose')!;
    assert.equal(purpose.status, 'found');
    assert.equal(POLICY.slice(purpose.range!.start, purpose.range!.end), '## Syfte');
    assert.deepEqual(purpose.element, { sv: 'Syfte', en: 'Purpose' });
    // Short enough for the default sidebar: a two-part section title gives its first part.
    const followUp = entries.get('follow-up')!;
    assert.deepEqual(followUp.element, { sv: 'Uppföljning', en: 'Follow-up' });
    const review = entries.get('review-cycle')!;
    assert.equal(review.status, 'missing');
    assert.equal(
      review.diagnostic,
      result.diagnostics.find((d) => d.ruleId === 'review-cycle'),
    );
    assert.equal(review.state.sv, 'saknas');
    // The adoption rule has no section: its element is the decision, with the facts read.
    const adoption = entries.get('adoption')!;
    assert.equal(adoption.element.sv, 'Beslut');
    assert.ok(
      adoption.facts.some((f) => /kommunfullmäktige/i.test(f)),
      adoption.facts.join(' | '),
    );
  });

  it('a section the type does not need is optional; a rule turned off says so', () => {
    const { entries } = byRule();
    assert.equal(entries.get('financing')!.status, 'optional');
    const config: ResolvedConfig = { rules: new Map([['purpose', { severity: 'off', options: {} }]]), words: [], ignores: [] };
    assert.equal(byRule(config).entries.get('purpose')!.status, 'off');
  });

  it('counts findings by severity', () => {
    const { result } = byRule();
    const report = complianceReport(result, ruleSet, undefined, 'en');
    assert.equal(report.counts.errors + report.counts.warnings + report.counts.infos, result.diagnostics.length);
    assert.equal(report.documentType, 'policy');
    assert.match(report.readability ?? '', /^LIX \d+ \(/);
  });
});

describe('templates read the document types', () => {
  it('a new strategy names itself and takes its title from document-types.yml', () => {
    const { text } = documentTemplate(loadRuleSet(), 'strategi');
    assert.match(text, /^# Internationell strategi$/m);
    assert.match(text, /Syftet med strategin är att/);
    const dir = mkdtempSync(join(tmpdir(), 'policylint-types-'));
    cpSync(join(REPO, 'rules'), dir, { recursive: true });
    const file = join(dir, 'vocabulary', 'document-types.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Internationell strategi', 'title: Strategi för omvärldsarbete'));
    assert.match(documentTemplate(loadRuleSet(dir), 'strategi').text, /^# Strategi för omvärldsarbete$/m);
  });
});
