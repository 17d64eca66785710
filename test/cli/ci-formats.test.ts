import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/paths.js';
import { vendoredSchema } from '../helpers/schemas.js';
import { COMPLETE, WORDS } from './drafts.js';
import { sub } from './run.js';

const lint = (args: string[], cwd: string, input?: string) => sub('', args, cwd, input);

// "skall" has a safe fix (→ "ska"); "Malmö" before it makes the line's UTF-8 columns differ from UTF-16's.
const DRAFT = '# Internationell policy\n\nI Malmö och Göteborg skall kommunen arbeta internationellt.\n';
const SHIFTED = `# Internationell policy\n\nEn ny inledning.\n\n${DRAFT.split('\n').slice(2).join('\n')}`;

interface SarifResult {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  fixes?: { artifactChanges: { replacements: { deletedRegion: { charOffset: number; charLength: number; startLine: number; startColumn: number }; insertedContent: { text: string } }[] }[] }[];
  locations: { physicalLocation: { region: { startLine: number } } }[];
}

describe('CI formats', function () {
  this.timeout(120_000);

  describe('sarif', () => {
    it('validates against the SARIF 2.1.0 schema, with partialFingerprints and fixes', () => {
      const dir = workspace({ 'draft.md': DRAFT, 'policy.md': COMPLETE, '.policylint/ordlista.txt': WORDS });
      const r = lint(['.', '-f', 'sarif'], dir);
      const sarif = JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] };
      const validate = vendoredSchema('sarif-schema-2.1.0.json');
      assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
      // The schema does reject: a level SARIF does not know is an error.
      assert.equal(validate({ ...sarif, runs: [{ ...sarif.runs[0]!, results: [{ ...sarif.runs[0]!.results[0]!, level: 'fatal' }] }] }), false);
      const results = sarif.runs[0]!.results;
      assert.ok(results.length > 3);
      for (const result of results) assert.match(result.partialFingerprints['policylint/v1']!, /^[0-9a-f]{32}$/);
      assert.equal(new Set(results.map((x) => x.partialFingerprints['policylint/v1'])).size, results.length, 'fingerprints are unique');
      const skall = results.find((x) => x.ruleId === 'skall')!;
      const replacement = skall.fixes![0]!.artifactChanges[0]!.replacements[0]!;
      assert.equal(replacement.insertedContent.text, 'ska');
      assert.equal(DRAFT.slice(replacement.deletedRegion.charOffset, replacement.deletedRegion.charOffset + replacement.deletedRegion.charLength), 'skall');
      assert.deepEqual([replacement.deletedRegion.startLine, replacement.deletedRegion.startColumn], [3, DRAFT.split('\n')[2]!.indexOf('skall') + 1]);
    });

    it('fingerprints do not change when the finding moves to another line', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      const before = (JSON.parse(lint(['draft.md', '-f', 'sarif'], dir).stdout).runs[0].results as SarifResult[]).find((x) => x.ruleId === 'skall')!;
      writeFileSync(join(dir, 'draft.md'), SHIFTED);
      const after = (JSON.parse(lint(['draft.md', '-f', 'sarif'], dir).stdout).runs[0].results as SarifResult[]).find((x) => x.ruleId === 'skall')!;
      assert.notEqual(after.locations[0]!.physicalLocation.region.startLine, before.locations[0]!.physicalLocation.region.startLine);
      assert.deepEqual(after.partialFingerprints, before.partialFingerprints);
    });

    it('a clean run is a valid log with no results', () => {
      const dir = workspace({ 'policy.md': COMPLETE, '.policylint/ordlista.txt': WORDS });
      const sarif = JSON.parse(lint(['policy.md', '-f', 'sarif', '--quiet'], dir).stdout) as { runs: { results: unknown[] }[] };
      assert.ok(vendoredSchema('sarif-schema-2.1.0.json')(sarif));
      assert.deepEqual(sarif.runs[0]!.results, []);
    });
  });

  describe('rdjsonl (reviewdog)', () => {
    it('every line is a reviewdog Diagnostic; columns count UTF-8 bytes; a fix is a suggestion', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      const r = lint(['draft.md', '-f', 'rdjsonl'], dir);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      const validate = vendoredSchema('reviewdog-rdf-Diagnostic.json');
      const diagnostics = lines.map(
        (l) =>
          JSON.parse(l) as {
            severity: string;
            code?: { value: string };
            location: { path: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } };
            suggestions?: { range: { start: { column: number }; end: { column: number } }; text: string }[];
          },
      );
      for (const d of diagnostics) assert.ok(validate(d), JSON.stringify(validate.errors));
      assert.equal(validate({ ...diagnostics[0], severity: 'FATAL' }), false, 'the schema does reject');
      const skall = diagnostics.find((d) => d.code?.value === 'skall')!;
      const line = Buffer.from(DRAFT.split('\n')[2]!, 'utf8');
      const byteColumn = line.indexOf('skall') + 1;
      assert.equal(skall.location.path, 'draft.md');
      assert.deepEqual(skall.location.range.start, { line: 3, column: byteColumn });
      assert.deepEqual(skall.location.range.end, { line: 3, column: byteColumn + 5 }); // exclusive
      assert.equal(skall.severity, 'INFO');
      // Applied as reviewdog would (bytes), the suggestion turns "skall" into "ska".
      const s = skall.suggestions![0]!;
      const fixed = Buffer.concat([line.subarray(0, s.range.start.column - 1), Buffer.from(s.text), line.subarray(s.range.end.column - 1)]).toString('utf8');
      assert.equal(fixed, 'I Malmö och Göteborg ska kommunen arbeta internationellt.');
      assert.ok(diagnostics.some((d) => d.severity === 'ERROR'));
    });
  });

  describe('gitlab (Code Quality)', () => {
    it('an array of issues with the documented keys, severities and stable, unique fingerprints', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      const issues = JSON.parse(lint(['draft.md', '-f', 'gitlab'], dir).stdout) as Record<string, unknown>[];
      assert.ok(issues.length > 2);
      for (const issue of issues) {
        assert.equal(typeof issue.description, 'string');
        assert.equal(typeof issue.check_name, 'string');
        assert.match(issue.fingerprint as string, /^[0-9a-f]{32}$/);
        assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity as string));
        const location = issue.location as { path: string; lines: { begin: number } };
        assert.equal(location.path, 'draft.md');
        assert.ok(Number.isInteger(location.lines.begin) && location.lines.begin >= 1);
      }
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
      assert.equal(issues.find((i) => i.check_name === 'adoption')!.severity, 'major');
      writeFileSync(join(dir, 'draft.md'), SHIFTED);
      const moved = JSON.parse(lint(['draft.md', '-f', 'gitlab'], dir).stdout) as Record<string, unknown>[];
      assert.equal(moved.find((i) => i.check_name === 'skall')!.fingerprint, issues.find((i) => i.check_name === 'skall')!.fingerprint);
      // No problems: an empty array, still valid JSON.
      const clean = workspace({ 'policy.md': COMPLETE, '.policylint/ordlista.txt': WORDS });
      assert.deepEqual(JSON.parse(lint(['policy.md', '-f', 'gitlab', '--quiet'], clean).stdout), []);
    });

    it('a file that cannot be read is a blocker', () => {
      const dir = workspace({ 'bad.md': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]) });
      const issues = JSON.parse(lint(['bad.md', '-f', 'gitlab'], dir).stdout) as { severity: string; check_name: string }[];
      assert.deepEqual(
        issues.map((i) => [i.check_name, i.severity]),
        [['fatal', 'blocker']],
      );
    });
  });

  describe('junit', () => {
    it('validates against the Ant JUnit schema (xmllint); failures are the errors and warnings', () => {
      const dir = workspace({ 'draft.md': DRAFT, 'policy.md': COMPLETE, 'a&b <c>.md': DRAFT, '.policylint/ordlista.txt': WORDS });
      const r = lint(['.', '-f', 'junit', '-o', 'junit.xml'], dir);
      assert.equal(r.code, 1);
      const xmllint = spawnSync('xmllint', ['--noout', '--schema', join(FIXTURES, 'schemas', 'JUnit.xsd'), join(dir, 'junit.xml')], { encoding: 'utf8' });
      assert.equal(xmllint.error, undefined, 'xmllint is needed (Debian: libxml2-utils)');
      assert.equal(xmllint.status, 0, xmllint.stderr);
      const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
      assert.equal((xml.match(/<testsuite /g) ?? []).length, 3);
      assert.match(xml, /name="a&amp;b &lt;c&gt;\.md"/);
      const json = JSON.parse(lint(['draft.md', '-f', 'json'], dir).stdout) as { errorCount: number; warningCount: number }[];
      const suite = /<testsuite [^>]*name="draft\.md"[^>]*failures="(\d+)"/.exec(xml)!;
      assert.equal(Number(suite[1]), json[0]!.errorCount + json[0]!.warningCount);
      assert.match(xml, /<testcase name="policylint" classname="policy\.md" time="0"\/>/);
    });
  });

  describe('options', () => {
    it('--stdin with --stdin-filename lints the text as that file, under its configuration', () => {
      const dir = workspace({ 'docs/.policylintrc.yaml': 'rules:\n  skall: error\n' });
      const r = lint(['--stdin', '--stdin-filename', 'docs/utkast.md', '-f', 'json'], dir, DRAFT);
      const [result] = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: string }[] }[];
      assert.equal(result!.filePath, join(dir, 'docs', 'utkast.md'));
      assert.equal(result!.messages.find((m) => m.ruleId === 'skall')!.severity, 'error');
      const rd = lint(['--stdin', '--stdin-filename', 'docs/utkast.md', '-f', 'rdjsonl'], dir, DRAFT);
      assert.ok(
        rd.stdout.split('\n').some((l) => l.includes('"suggestions"') && l.includes('"path":"docs/utkast.md"')),
        'fixes use the standard input text',
      );
      assert.equal(lint(['--stdin', 'x.md'], dir, DRAFT).code, 2);
    });

    it('-c FILE applies one configuration everywhere; --no-config reads none', () => {
      const dir = workspace({ 'draft.md': DRAFT, '.policylintrc.yaml': 'rules:\n  skall: off\n', 'strict.yaml': 'rules:\n  skall: error\n' });
      const severity = (args: string[]): string | undefined =>
        (JSON.parse(lint(['draft.md', '-f', 'json', ...args], dir).stdout) as { messages: { ruleId: string; severity: string }[] }[])[0]!.messages.find((m) => m.ruleId === 'skall')?.severity;
      assert.equal(severity([]), undefined);
      assert.equal(severity(['-c', 'strict.yaml']), 'error');
      assert.equal(severity(['--no-config']), 'info');
      assert.equal(severity(['--no-config', '--workers', '1']), 'info', 'the worker threads get the same setting');
    });

    it('--report-unused-disable-directives reports disable comments that turned nothing off, as errors', () => {
      const text =
        '# Internationell policy\n\n<!-- policylint-disable-next-line skall -->\nKommunen skall arbeta internationellt.\n\n<!-- policylint-disable-next-line skall, long-sentence -->\nKommunen ska arbeta.\n';
      const dir = workspace({ 'd.md': text });
      type R = { messages: { ruleId: string | null; severity: string; message: string; line: number }[] }[];
      const plain = JSON.parse(lint(['d.md', '-f', 'json'], dir).stdout) as R;
      assert.equal(
        plain[0]!.messages.some((m) => m.ruleId === 'skall'),
        false,
        'the first comment turns skall off',
      );
      assert.equal(
        plain[0]!.messages.some((m) => /inget att stänga av/.test(m.message)),
        false,
        'not reported unless asked',
      );
      for (const workers of ['0', '1']) {
        const reported = (JSON.parse(lint(['d.md', '-f', 'json', '--report-unused-disable-directives', '--workers', workers], dir).stdout) as R)[0]!.messages.filter((m) =>
          /inget att stänga av/.test(m.message),
        );
        assert.deepEqual(
          reported.map((m) => [m.ruleId, m.severity, m.line]),
          [['syntax', 'error', 6]],
          `workers ${workers}`,
        );
        assert.match(reported[0]!.message, /stänger av skall, long-sentence/);
      }
    });

    it('-o writes the output to a file; --color forces colour, --no-color turns it off', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      const r = lint(['draft.md', '-o', 'out.txt'], dir);
      assert.equal(r.stdout, '');
      assert.match(readFileSync(join(dir, 'out.txt'), 'utf8'), /skall/);
      assert.match(lint(['draft.md', '--color'], dir).stdout, /\u001b\[31m/);
      assert.doesNotMatch(sub('', ['draft.md', '--no-color'], dir, undefined, { FORCE_COLOR: '1', NO_COLOR: '' }).stdout, /\u001b\[/);
      assert.equal(lint(['draft.md', '-o', 'no/such/folder/out.txt'], dir).code, 2);
    });
  });
});
