import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { checklist, checklistSummary } from '../../client/src/complianceModel.js';
import { serverExecArgv } from '../../client/src/serverRuntime.js';
import { statusText, statusTooltip, workspaceSummary } from '../../client/src/status.js';
import { documentTypeChoices, suggestedFileName } from '../../client/src/template.js';
import { loadRuleSet, lintText } from '../../server/src/engine/index.js';
import type { ComplianceResult } from '../../server/src/lsp/protocol.js';
import { documentTemplate, metadataFrontMatter } from '../../server/src/lsp/templates.js';
import { REPO, TODAY } from '../helpers/paths.js';

const SV = JSON.parse(readFileSync(join(REPO, 'l10n', 'bundle.l10n.sv.json'), 'utf8')) as Record<string, string>;

function inSwedish(): void {
  l10n.config({ contents: SV });
}
function inEnglish(): void {
  l10n.config({ contents: {} });
}

describe('extension logic (pure modules)', () => {
  afterEach(inEnglish);

  describe('status bar', () => {
    it('says "Policy: 2 fel, 3 varningar" in Swedish', () => {
      inSwedish();
      assert.equal(statusText({ errors: 2, warnings: 3, infos: 4 }), '$(error) Policy: 2 fel, 3 varningar');
      assert.equal(statusText({ errors: 1, warnings: 1, infos: 0 }), '$(error) Policy: 1 fel, 1 varning');
      assert.equal(statusText({ errors: 0, warnings: 0, infos: 2 }), '$(info) Policy: 2 förslag');
      assert.equal(statusText({ errors: 0, warnings: 0, infos: 0 }), '$(check) Policy: inga problem');
      assert.match(statusTooltip({ errors: 2, warnings: 3, infos: 4 }, 'strategi'), /^Dokumenttyp: strategi\n2 fel, 3 varningar, 4 förslag/);
    });

    it('speaks English without a bundle', () => {
      assert.equal(statusText({ errors: 2, warnings: 1, infos: 0 }), '$(error) Policy: 2 errors, 1 warning');
      assert.equal(statusText({ errors: 0, warnings: 3, infos: 0 }), '$(warning) Policy: 3 warnings');
    });

    it('summarises a workspace review', () => {
      inSwedish();
      assert.equal(workspaceSummary({ files: 3, errors: 2, warnings: 5, infos: 1, withProblems: ['a', 'b'] }), '3 styrdokument granskade: 2 fel, 5 varningar och 1 förslag i 2 filer.');
      assert.match(workspaceSummary({ files: 0, errors: 0, warnings: 0, infos: 0, withProblems: [] }), /^Inga styrdokument hittades/);
    });
  });

  describe('how the language server is started', () => {
    it('gives V8 fewer background threads on few cores, and leaves its default from six on', () => {
      assert.deepEqual(serverExecArgv(1), ['--max-semi-space-size=4', '--v8-pool-size=1']);
      assert.deepEqual(serverExecArgv(2), ['--max-semi-space-size=4', '--v8-pool-size=1']);
      assert.deepEqual(serverExecArgv(4), ['--max-semi-space-size=4', '--v8-pool-size=2']);
      assert.deepEqual(serverExecArgv(6), ['--max-semi-space-size=4']);
      assert.deepEqual(serverExecArgv(64), ['--max-semi-space-size=4']);
    });

    it('uses options Node accepts', () => {
      for (const cores of [2, 4, 8]) {
        const run = spawnSync(process.execPath, [...serverExecArgv(cores), '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
        assert.equal(run.stdout, 'ok', `${serverExecArgv(cores).join(' ')}: ${run.stderr}`);
      }
    });
  });

  describe('the Swedish bundle', () => {
    it('translates every string the pure modules use', () => {
      const sources = ['status.ts', 'template.ts', 'complianceModel.ts', 'extension.ts'].map((f) => readFileSync(join(REPO, 'client', 'src', f), 'utf8')).join('\n');
      const keys = [...sources.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
      assert.ok(keys.length > 20);
      for (const key of keys) assert.ok(key in SV, `missing Swedish for "${key}"`);
    });

    it('has every package.nls key in Swedish too', () => {
      const en = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8')) as Record<string, string>;
      const sv = JSON.parse(readFileSync(join(REPO, 'package.nls.sv.json'), 'utf8')) as Record<string, string>;
      assert.deepEqual(Object.keys(sv).sort(), Object.keys(en).sort());
      const pkg = readFileSync(join(REPO, 'package.json'), 'utf8');
      for (const m of pkg.matchAll(/"%([\w.]+)%"/g)) assert.ok(m[1]! in en, `package.nls.json lacks ${m[1]}`);
    });
  });

  describe('new policy from template', () => {
    const ruleSet = loadRuleSet();

    it('offers the five document types', () => {
      assert.deepEqual(
        documentTypeChoices().map((c) => c.type),
        ['policy', 'strategi', 'riktlinje', 'program', 'plan'],
      );
      assert.equal(suggestedFileName('strategi'), 'internationell-strategi.md');
    });

    it('builds a draft with the metadata as front matter and every section, tab stops numbered through', () => {
      const { snippet, text } = documentTemplate(ruleSet, 'strategi');
      assert.match(text, /^---\nstatus: utkast\ntyp: strategi\nbeslutad-av: kommunfullmäktige\nbeslutad: ÅÅÅÅ-MM-DD\nparagraf: "§ nn"\n/);
      assert.match(text, /\n# Internationell strategi\n/);
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(
        headings,
        ruleSet.sections.map((s) => s.title.sv),
      );
      const stops = [...snippet.matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
      assert.deepEqual(stops, [...new Set(stops)], 'each tab stop once');
      assert.deepEqual(
        [...stops].sort((a, b) => a - b),
        stops,
        'in document order',
      );
    });

    it('produces a draft the engine finds every section in, and whose every placeholder it reports', () => {
      const { text } = documentTemplate(ruleSet, 'strategi');
      const result = lintText(text, { ruleSet, today: TODAY });
      const ids = new Set(result.diagnostics.filter((d) => d.messageKey === 'missing' || d.messageKey === 'emptySection').map((d) => d.ruleId));
      for (const id of ['purpose', 'goals', 'financing', 'related-documents', 'follow-up', 'review-cycle']) assert.ok(!ids.has(id), `${id} should find its section: ${[...ids].join(', ')}`);
      const placeholders = result.diagnostics.filter((d) => d.ruleId === 'placeholder');
      // A new draft says so (status: utkast): placeholders are warnings, and each one is found.
      assert.ok(placeholders.every((d) => d.severity === 'warning'));
      for (const [, bracketed] of text.matchAll(/(\[[^\]\n]+\])(?!\()/g))
        assert.ok(
          placeholders.some((d) => d.data?.found === bracketed),
          `${bracketed} not reported`,
        );
      assert.ok(placeholders.some((d) => d.data?.found === 'ÅÅÅÅ-MM-DD') && placeholders.some((d) => d.data?.found === '§ nn'));
    });

    it("never invents a decision date, and uses the type's own name ('Strategin ska revideras')", () => {
      const { text } = documentTemplate(ruleSet, 'strategi');
      assert.match(text, /^beslutad: ÅÅÅÅ-MM-DD$/m);
      assert.match(text, /^status: utkast$/m);
      assert.match(text, /^Strategin ska revideras /m);
      assert.match(text, /Syftet med strategin är att/);
      assert.doesNotMatch(text, /Policyn|att beskriv /);
    });

    it('fills front matter choices from the vocabulary the rules use, after a placeholder', () => {
      const { body } = metadataFrontMatter(ruleSet);
      assert.match(body, /revideras: "\$\{7\|\[hur ofta\],vart fjärde år,varje mandatperiod,vartannat år,senast ett år efter valet\|\}"/);
    });
  });

  describe('compliance checklist', () => {
    const result: ComplianceResult = {
      uri: 'file:///x.md',
      linted: true,
      documentType: 'strategi',
      language: 'sv',
      counts: { errors: 1, warnings: 0, infos: 0 },
      items: [
        {
          ruleId: 'purpose',
          title: 'Syfte saknas',
          element: 'Syfte',
          state: 'finns',
          facts: [],
          status: 'found',
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } },
          sources: [{ municipality: 'Åmåls kommun', document: 'Åmål i världen', quote: 'Åmåls kommuns internationella arbete ska syfta', uri: 'file:///r/amal.md#L40' }],
        },
        {
          ruleId: 'follow-up',
          title: 'Uppföljning saknas',
          element: 'Uppföljning och utvärdering',
          state: 'ofullständigt',
          facts: ['Uppföljning: årligen, rad 12'],
          status: 'incomplete',
          message: 'Uppföljning nämns men utan mottagare.',
          sources: [],
        },
        { ruleId: 'financing', title: 'Finansiering saknas', element: 'Ekonomi och finansiering', state: 'regeln avstängd', facts: [], status: 'off', sources: [] },
      ],
    };

    it("names each element and its state in the document's language, with what the document says beside it", () => {
      inSwedish();
      const nodes = checklist(result);
      assert.deepEqual(
        nodes.map((n) => [n.label, n.icon, n.description]),
        [
          ['Syfte: finns', 'pass', ''],
          ['Uppföljning och utvärdering: ofullständigt', 'warning', 'Uppföljning: årligen, rad 12'],
          ['Ekonomi och finansiering: regeln avstängd', 'circle-slash', ''],
        ],
      );
      assert.equal(nodes[0]!.children[0]!.label, 'Åmåls kommun — Åmål i världen');
      assert.deepEqual(nodes[0]!.children[0]!.target, { kind: 'source', uri: 'file:///r/amal.md#L40', quote: 'Åmåls kommuns internationella arbete ska syfta' });
      assert.equal(nodes[1]!.tooltip, 'Uppföljning nämns men utan mottagare.\nUppföljning: årligen, rad 12');
      assert.equal(checklistSummary(result), 'strategi · 1 av 2 delar saknas eller är ofullständiga');
      assert.equal(checklistSummary({ ...result, readability: 'LIX 48 (medelsvår)' }), 'strategi · LIX 48 (medelsvår) · 1 av 2 delar saknas eller är ofullständiga');
    });

    it('says when a document is not a policy draft', () => {
      inSwedish();
      const nodes = checklist({ ...result, linted: false, items: [] });
      assert.equal(nodes[0]!.label, 'Inget styrdokument');
      // …and offers to enable policylint for the folder.
      assert.equal(nodes[1]!.label, 'Aktivera policylint här');
      assert.deepEqual(nodes[1]!.target, { kind: 'command', command: 'policylint.enableHere' });
    });
  });
});
