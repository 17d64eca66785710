import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigLoader, describeFacts, lintText, loadRuleSet, type GovernanceFacts, type ResolvedConfig } from '../../server/src/engine/index.js';
import { FIXTURES, TODAY } from '../helpers/paths.js';

/**
 * The governance facts model (server/src/engine/facts/): what a draft says about its own
 * adoption, review, responsibility and follow-up, read once before the rules run.
 */
const ruleSet = loadRuleSet();

function factsOf(text: string, config?: ResolvedConfig): GovernanceFacts {
  return lintText(text, { today: TODAY, ruleSet, ...(config ? { config } : {}) }).facts;
}

function seed(name: string): GovernanceFacts {
  return factsOf(readFileSync(join(FIXTURES, 'seeds', name), 'utf8'));
}

const cycleKinds = (f: GovernanceFacts): string[] => f.review.filter((r) => ['interval', 'mandate-period', 'election', 'end-date'].includes(r.kind)).map((r) => r.kind);
const named = (f: GovernanceFacts): string[] => f.responsibilities.filter((r) => r.kind === 'body' || r.kind === 'defined').map((r) => r.actor.toLowerCase());
const completeFollowUp = (f: GovernanceFacts) => f.followUp.find((u) => u.missing.length === 0);

function severities(text: string, ruleId: string, config?: ResolvedConfig): string[] {
  return lintText(text, { today: TODAY, ruleSet, ...(config ? { config } : {}) })
    .diagnostics.filter((d) => d.ruleId === ruleId)
    .map((d) => `${d.severity}:${d.messageKey ?? ''}`);
}

describe('governance facts of the four source documents', () => {
  it('Åmål: no adoption, no review cycle; the executive board and named units own the work; a yearly summary to the board', () => {
    const f = seed('amal.md');
    assert.equal(f.adoption, undefined);
    assert.deepEqual(cycleKinds(f), []);
    assert.ok(named(f).some((a) => a.startsWith('kommunstyrelsen')));
    assert.ok(named(f).some((a) => a.startsWith('kansli- och utredningsenheten')));
    assert.ok(named(f).some((a) => a.includes('barn- och utbildningsnämnden')));
    const yearly = completeFollowUp(f);
    assert.ok(yearly, 'a complete follow-up');
    assert.match(yearly.frequency!, /en gång per år/);
    assert.match(yearly.recipient!, /kommunstyrelsen/i);
  });

  it('Åmål after OCR reads the same kinds of facts as the clean text', () => {
    const clean = seed('amal.md');
    const ocr = seed('amal-ocr.md');
    assert.equal(ocr.adoption, clean.adoption);
    assert.deepEqual(cycleKinds(ocr), cycleKinds(clean));
    assert.ok(completeFollowUp(ocr));
    assert.ok(named(ocr).length > 0);
  });

  it('Alingsås: adopted by the council on 25 April 2007, § 85; revised every fourth year; the executive office coordinates; yearly in the annual report', () => {
    const f = seed('alingsas.md');
    assert.equal(f.adoption?.body?.toLowerCase(), 'kommunfullmäktige');
    assert.equal(f.adoption?.date, '2007-04-25');
    assert.equal(f.adoption?.paragraph, '§ 85');
    assert.ok(f.adoption?.bodyKnown);
    const cycle = f.review.find((r) => r.kind === 'interval');
    assert.equal(cycle?.years, 4);
    assert.equal(cycle?.cadence, 'vart fjärde år');
    const office = f.responsibilities.find((r) => r.actor === 'Kommunledningskontoret');
    assert.equal(office?.kind, 'body');
    assert.equal(office?.role, 'coordination');
    assert.ok(f.followUp.some((u) => u.missing.length === 0 && /årsredovisningen/.test(u.recipient ?? '')));
  });

  it('Lidköping (OCR): no adoption in the excerpt, no cycle; the executive board is responsible; a yearly summary reported to it', () => {
    const f = seed('lidkoping-ocr.md');
    assert.equal(f.adoption, undefined);
    assert.deepEqual(cycleKinds(f), []);
    assert.ok(named(f).includes('kommunstyrelsen'));
    const yearly = completeFollowUp(f);
    assert.match(yearly?.recipient ?? '', /kommunstyrelsen/i);
    assert.ok(f.related.length >= 5, 'the related documents are listed');
  });

  it('Arvika: adopted by the executive board on 12 November 2012, § 258; no cycle; the board leads; no complete follow-up', () => {
    const f = seed('arvika.md');
    assert.equal(f.adoption?.body, 'Kommunstyrelsen');
    assert.equal(f.adoption?.date, '2012-11-12');
    assert.equal(f.adoption?.paragraph, '§ 258');
    assert.deepEqual(cycleKinds(f), []);
    assert.ok(named(f).includes('kommunstyrelsen'));
    assert.equal(completeFollowUp(f), undefined);
  });

  it('describes facts for hover with their lines', () => {
    const text = readFileSync(join(FIXTURES, 'seeds', 'alingsas.md'), 'utf8');
    const result = lintText(text, { today: TODAY, ruleSet });
    const lines = describeFacts(result.facts, result.document.lines);
    assert.ok(lines.includes('Revideras: vart fjärde år, rad 85'), lines.join('\n'));
    assert.ok(
      lines.some((l) => l.startsWith('Antagen: kommunfullmäktige, 2007-04-25, § 85, rad 3')),
      lines.join('\n'),
    );
  });
});

describe('governance facts in the forms real documents use', () => {
  it('metadata as label and value on alternating lines', () => {
    const f = factsOf('# Program mot ANDT i Östervik\n\nBeslutad av\n\nKommunfullmäktige\n\nBeslutsdatum\n\n2025-03-13\n\nDokumentet gäller till den\n\n31 december 2029\n\n## Syfte\n\nText.\n');
    assert.equal(f.adoption?.body, 'Kommunfullmäktige');
    assert.equal(f.adoption?.date, '2025-03-13');
    assert.equal(f.review[0]?.kind, 'end-date');
    assert.equal(f.review[0]?.until, '2029-12-31');
  });

  it('a run-on header where a PDF conversion lost the line breaks', () => {
    const f = factsOf(
      'Transkript\n\n1 PLAN Dnr RS 2022/680 Regional kulturplan Dokumenttyp: Plan Antaget av: Regionstyrelsen Antaget: 2023-12-27 § 203 Dokumentansvarig Kulturchefen Revideras senast 2027-12-31 Kulturplanen anger prioriteringar.\n',
    );
    assert.equal(f.adoption?.body, 'Regionstyrelsen');
    assert.equal(f.adoption?.date, '2023-12-27');
    assert.equal(f.adoption?.paragraph, '§ 203');
    assert.equal(f.owner?.value, 'Kulturchefen');
    assert.ok(f.review.some((r) => r.kind === 'end-date' && r.until === '2027-12-31'));
  });

  it('a two-column table whose first row is data, and a history table read from its latest row', () => {
    const table = factsOf('# Riktlinje\n\n| Beslutsinstans | Kommunstyrelsen |\n| --- | --- |\n| Beslutsdatum | 2024-02-14 |\n| Revideras | Vart fjärde år |\n\n## Syfte\n\nText.\n');
    assert.equal(table.adoption?.body, 'Kommunstyrelsen');
    assert.equal(table.review[0]?.years, 4);
    const history = factsOf(
      '# Riktlinjer för styrning\n\n## Beslutshistorik\n\n| Version | Beslut | Ändring |\n| --- | --- | --- |\n| 1.0 | Kommunfullmäktige 2016-04-12 § 89 | Ny |\n| 2.0 | Kommunfullmäktige 2025-03-13 § 57 | Ny styrmodell |\n',
    );
    assert.equal(history.adoption?.date, '2025-03-13');
    assert.equal(history.adoption?.paragraph, '§ 57');
  });

  it('adoption in active voice, with "i", at the end, and not a vision\'s adoption', () => {
    assert.equal(factsOf('# Miljöprogram\n\nKommunfullmäktige beslutade den 16 juni 2022, § 219, att fastställa programmet.\n').adoption?.date, '2022-06-16');
    assert.equal(factsOf('# Policy\n\nBeslutad i kommunstyrelsen 2024-02-14 § 27.\n').adoption?.body, 'kommunstyrelsen');
    assert.equal(factsOf('# Reglemente\n\n## Uppgifter\n\nNämnden sköter biblioteken.\n\nSå beslutat i kommunfullmäktige den 24 november 2025, § 173.\n').adoption?.date, '2025-11-24');
    assert.equal(factsOf('# Policy\n\n## Bakgrund\n\nPolicyn utgår från kommunens vision, som antogs av kommunfullmäktige den 12 juni 2018, § 64.\n').adoption, undefined);
    assert.equal(factsOf('# Program\n\nKommunstyrelsen beslutade den 10 maj 2026 att lämna förslaget till kommunfullmäktige.\n').adoption, undefined);
  });

  it("review cadences: election, mandate period, one year at a time, the title's period, a deadline as a full date", () => {
    const kind = (text: string): string[] => factsOf(text).review.map((r) => r.kind);
    assert.deepEqual(kind('# S\n\nStrategin ska revideras senast ett år efter varje ordinarie val.\n'), ['election']);
    assert.deepEqual(kind('# S\n\nStrategin ska ses över en gång per mandatperiod.\n'), ['mandate-period']);
    assert.deepEqual(kind('# R\n\nRiktlinjerna fastställs för ett år i taget.\n'), ['interval']);
    assert.deepEqual(kind('# Internationell strategi 2022–2026\n\nText.\n'), ['end-date']);
    const deadline = factsOf('# P\n\nEn revidering av policyn ska vara klar senast 31 december 2029.\n').review[0];
    assert.equal(deadline?.until, '2029-12-31');
    assert.equal(factsOf('# P\n\nKommunstyrelsen reviderar policyn vartannat år.\n').review[0]?.by, 'Kommunstyrelsen');
    assert.equal(factsOf('# P\n\nPolicyn revideras av kommunstyrelsen vart fjärde år.\n').review[0]?.by, 'kommunstyrelsen');
    assert.equal(factsOf('# P\n\nGodkänd av miljönämnden 2023-04-12 § 33. Planen gäller 2023–2026.\n').review[0]?.by, undefined);
  });

  it('not a review cycle: "vid behov", until further notice, a scope statement, a follow-up cadence', () => {
    assert.deepEqual(
      factsOf('# P\n\nPolicyn revideras vid behov.\n').review.map((r) => r.kind),
      ['as-needed'],
    );
    assert.deepEqual(
      factsOf('# P\n\n**Giltighetstid:** Till beslut om upphörande\n\nText.\n').review.map((r) => r.kind),
      ['until-further-notice'],
    );
    assert.deepEqual(factsOf('# P\n\nPolicyn gäller för samtliga nämnder och bolag.\n').review, []);
    assert.deepEqual(
      factsOf('# P\n\nPolicyn följs upp årligen och revideras vid behov.\n').review.map((r) => r.kind),
      ['as-needed'],
    );
  });

  it('responsibility: relative clauses, "ansvarig för … är", officials, short forms, groups the document defines; not everybody', () => {
    assert.ok(named(factsOf('# P\n\nArbetet leds av kommunstyrelsen, som ansvarar för samordningen.\n')).includes('kommunstyrelsen'));
    assert.ok(named(factsOf('# P\n\nAnsvarig för att reglementet genomförs är kommunarkivarien.\n')).includes('kommunarkivarien'));
    assert.ok(named(factsOf('# P\n\nDet åligger kommundirektören att samordna arbetet.\n')).includes('kommundirektören'));
    assert.ok(named(factsOf('# P\n\nKS ansvarar för policyn.\n')).includes('ks'));
    const group = factsOf('# P\n\nEn styrgrupp bestående av förvaltningscheferna inrättas. Styrgruppen ansvarar för uppföljningen.\n');
    assert.ok(group.responsibilities.some((r) => r.actor === 'Styrgruppen' && r.kind === 'defined'));
    assert.deepEqual(named(factsOf('# P\n\nAlla medarbetare ansvarar för att policyn följs.\n')), []);
  });

  it('follow-up: to a body in the operational year, in the annual report; not a one-time evaluation', () => {
    const yearly = completeFollowUp(factsOf('# P\n\nVarje år tas en redovisning av arbetet fram som behandlas av kultur- och fritidsnämnden.\n'));
    assert.match(yearly?.recipient ?? '', /fritidsnämnden/);
    assert.ok(completeFollowUp(factsOf('# P\n\nNyckeltalen för policyn redovisas i kommunens årsredovisning.\n')));
    assert.equal(completeFollowUp(factsOf('# P\n\nPolicyn ska utvärderas hösten 2027.\n')), undefined);
    assert.equal(completeFollowUp(factsOf('# P\n\nKommunens ekonomi följs upp varje månad i rapporter till kommunstyrelsen.\n')), undefined);
  });
});

describe('severity where the evidence is thin', () => {
  it('an adopting body policylint does not know is a warning that names it', () => {
    const text = '# Riktlinje\n\nAntagen av Tillväxtberedningen Nord 2024-05-02, § 12.\n';
    assert.deepEqual(severities(text, 'adoption'), ['warning:unreadable']);
  });

  it('a cadence it cannot read is a warning, not "missing"; "vid behov" stated is an error that quotes it', () => {
    assert.deepEqual(severities('# P\n\nAntagen av KF 2024-01-01.\n\n## Revidering\n\nPolicyn revideras regelbundet.\n', 'review-cycle'), ['warning:unreadable']);
    const asNeeded = lintText('# P\n\nPolicyn revideras vid behov.\n', { today: TODAY, ruleSet }).diagnostics.find((d) => d.ruleId === 'review-cycle');
    assert.equal(asNeeded?.severity, 'error');
    assert.match(asNeeded?.message.sv ?? '', /"vid behov"/);
    const none = lintText('# P\n\nText utan revidering.\n', { today: TODAY, ruleSet }).diagnostics.find((d) => d.ruleId === 'review-cycle');
    assert.doesNotMatch(none?.message.sv ?? '', /vid behov/);
  });

  it('a body from the configuration counts as known; without it the same name is a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-bodies-'));
    writeFileSync(join(dir, '.policylintrc.yaml'), 'bodies:\n  - name: Samhällsbyggnad\n    description: Kommunens förvaltning för plan och bygg\n');
    const config = new ConfigLoader(ruleSet).forFile(join(dir, 'draft.md'));
    const text = '# Riktlinje\n\nAntagen av kommunfullmäktige 2024-05-02, § 12.\n\n## Ansvar\n\nSamhällsbyggnad ansvarar för arbetet.\n';
    assert.deepEqual(severities(text, 'responsible-body'), ['warning:unreadable']);
    assert.deepEqual(severities(text, 'responsible-body', config), []);
    assert.ok(factsOf(text, config).bodies.some((b) => b.name === 'Samhällsbyggnad' && b.origin === 'config'));
  });
});
