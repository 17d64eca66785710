import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, workspace } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';

const COMPLETE = readFileSync(join(REPO, 'examples', 'vanersborg-internationell-policy.md'), 'utf8');
const WORDS = readFileSync(join(REPO, 'examples', '.policylint', 'ordlista.txt'), 'utf8');
const DRAFT = '# Internationell policy\n\nKommunen skall arbeta internationellt.\n';

interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    sources: unknown[];
    fix: { range: [number, number]; text: string } | null;
    fatal?: boolean;
  }[];
  errorCount: number;
  warningCount: number;
}

function json(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

describe('CLI', () => {
  describe('formats and exit codes', () => {
    it('exits 0 on a complete draft and prints a clean summary', () => {
      const dir = workspace({ 'policy.md': COMPLETE, '.policylint/ordlista.txt': WORDS });
      const r = cli(['.'], dir);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /Inga problem hittades/);
      assert.equal(r.code, 0);
    });

    it('exits 1 with errors; json has 1-based positions, sources and fixes', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      const r = cli(['draft.md', '--format', 'json'], dir);
      assert.equal(r.code, 1);
      const [file] = json(r.stdout);
      assert.ok(file!.filePath.endsWith('draft.md'));
      const skall = file!.messages.find((m) => m.ruleId === 'skall')!;
      assert.deepEqual([skall.line, skall.column, skall.endLine, skall.endColumn], [3, 10, 3, 15]);
      assert.equal(skall.severity, 'info');
      assert.deepEqual(skall.fix, { range: [DRAFT.indexOf('skall'), DRAFT.indexOf('skall') + 5], text: 'ska' });
      const adoption = file!.messages.find((m) => m.ruleId === 'adoption')!;
      assert.equal(adoption.severity, 'error');
      assert.equal(adoption.line, 1);
      assert.ok(adoption.sources.length > 0);
      assert.equal(file!.errorCount, file!.messages.filter((m) => m.severity === 'error').length);
    });

    it('stylish groups per file with a summary, in Swedish by default and English with --lang en', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      assert.match(cli(['draft.md'], dir).stdout, /draft\.md\n\s+1:1\s+fel\s+Dokumentet anger inte[\s\S]*✖ \d+ problem \(\d+ fel/);
      assert.match(cli(['draft.md', '--lang', 'en'], dir).stdout, /error\s+The document does not say who adopted it[\s\S]*problems \(\d+ errors/);
    });

    it('sarif is SARIF 2.1.0 with rule metadata and help links', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      interface Sarif {
        version: string;
        runs: {
          tool: { driver: { rules: { id: string; helpUri: string }[] } };
          results: { ruleId: string; level: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
        }[];
      }
      const sarif = JSON.parse(cli(['draft.md', '-f', 'sarif'], dir).stdout) as Sarif;
      assert.equal(sarif.version, '2.1.0');
      const run = sarif.runs[0]!;
      const rule = run.tool.driver.rules.find((x) => x.id === 'review-cycle')!;
      assert.match(rule.helpUri, /docs\/rules\/review-cycle\.md$/);
      const result = run.results.find((x) => x.ruleId === 'review-cycle')!;
      assert.equal(result.level, 'error');
      assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, 'review-cycle');
      assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'draft.md');
      assert.equal(result.locations[0]!.physicalLocation.region.startLine, 1);
      assert.equal(run.results.find((x) => x.ruleId === 'skall')!.level, 'note');
    });

    it('github prints workflow annotations with escaped properties', () => {
      const dir = workspace({ 'a, b.md': DRAFT });
      const lines = cli(['a, b.md', '-f', 'github'], dir).stdout.trim().split('\n');
      assert.ok(lines.some((l) => l.startsWith('::error file=a%2C b.md,line=1,endLine=1,col=1,')));
      assert.ok(lines.some((l) => /^::notice file=a%2C b\.md,line=3,endLine=3,col=10,endColumn=15,title=policylint \(skall\)::/.test(l)));
    });

    it('--max-warnings turns too many warnings into exit 1', () => {
      const dir = workspace({ 'policy.md': COMPLETE.replace('## Relaterade styrdokument', 'Ungdomsstyrelsen.\n\n## Relaterade styrdokument'), '.policylint/ordlista.txt': WORDS });
      assert.equal(cli(['policy.md'], dir).code, 0);
      const r = cli(['policy.md', '--max-warnings', '0'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /max-warnings/);
      assert.equal(cli(['policy.md', '--max-warnings', 'x'], dir).code, 2);
    });

    it('--help fits 80 columns for the command and each subcommand: no line wraps unindented', () => {
      for (const args of [['--help'], ['report', '--help'], ['diff', '--help']]) {
        const r = spawnSync(process.execPath, [join(REPO, 'bin', 'policylint.js'), ...args], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });
        assert.equal(r.status, 0, r.stderr);
        const long = r.stdout.split('\n').filter((line) => [...line].length > 80);
        assert.deepEqual(long, [], args.join(' '));
        if (args.length === 1) assert.match(r.stdout, /^ {2}diff --git REV FIL {4}\S/m);
      }
    });

    it('exits 2 and names a missing file', () => {
      const r = cli(['finns-inte.md'], workspace({}));
      assert.equal(r.code, 2);
      assert.match(r.stderr, /finns-inte\.md/);
    });

    it('searches directories for Markdown, honouring .gitignore', () => {
      const dir = workspace({ 'a/one.md': DRAFT, 'a/two.markdown': DRAFT, 'a/skip.txt': 'x', 'build/old.md': DRAFT, '.gitignore': 'build/\n', 'node_modules/x/readme.md': DRAFT });
      const files = json(cli(['.', '-f', 'json'], dir).stdout)
        .map((f) => f.filePath.slice(dir.length + 1))
        .sort();
      assert.deepEqual(files, ['a/one.md', 'a/two.markdown']);
    });

    it('expands globs', () => {
      const dir = workspace({ 'docs/a.md': DRAFT, 'docs/b.md': DRAFT, 'c.md': DRAFT });
      assert.equal(json(cli(['docs/*.md', '-f', 'json'], dir).stdout).length, 2);
    });
  });

  describe('--fix', () => {
    it('applies safe fixes, keeps CRLF, writes atomically, and a second run finds nothing to fix', () => {
      const text = '# Internationell policy\r\n\r\nVi skall samverka med Ungdomsstyrelsen. Skall vi?\r\n';
      const dir = workspace({ 'draft.md': text });
      cli(['draft.md', '--fix'], dir);
      const fixed = readFileSync(join(dir, 'draft.md'), 'utf8');
      assert.equal(fixed, '# Internationell policy\r\n\r\nVi ska samverka med Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF). Ska vi?\r\n');
      assert.deepEqual(readdirSync(dir).sort(), ['draft.md']);
      const again = json(cli(['draft.md', '-f', 'json'], dir).stdout)[0]!;
      assert.deepEqual(
        again.messages.filter((m) => m.fix),
        [],
      );
    });

    it('repairs OCR damage with one confident candidate and leaves the rest of the text alone', () => {
      const ocr =
        '# Internationellt arbete\n\nMalet &r att Lidkopings internationella forbindelser ska vara ett strategiskt utvecklingsverktyg. Det internationella arbetet ska vara en naturlig del i det dagliga arbetet och bidra till forbattring av vara verksamheter genom att uppfylla verksamhetsmal.\n';
      const dir = workspace({ 'ocr.md': ocr });
      cli(['ocr.md', '--fix'], dir);
      const fixed = readFileSync(join(dir, 'ocr.md'), 'utf8');
      assert.match(fixed, /Målet är att Lidköpings internationella förbindelser/);
      assert.match(fixed, /förbättring/);
      assert.match(fixed, /verksamhetsmål\./);
      assert.match(fixed, /utvecklingsverktyg\. Det internationella arbetet ska vara en naturlig del/);
    });
  });

  describe('configuration', () => {
    it('severities and overrides from .policylintrc.yaml, shown by --print-config', () => {
      const dir = workspace({
        '.policylintrc.yaml': 'extends: policylint:recommended\nrules:\n  skall: error\noverrides:\n  - files: ["arkiv/**"]\n    rules: { adoption: off }\n',
        'draft.md': DRAFT,
        'arkiv/old.md': DRAFT,
      });
      const results = json(cli(['.', '-f', 'json'], dir).stdout);
      const draft = results.find((f) => f.filePath.endsWith('draft.md'))!;
      const old = results.find((f) => f.filePath.endsWith('old.md'))!;
      assert.equal(draft.messages.find((m) => m.ruleId === 'skall')!.severity, 'error');
      assert.ok(draft.messages.some((m) => m.ruleId === 'adoption'));
      assert.ok(!old.messages.some((m) => m.ruleId === 'adoption'));
      const printed = JSON.parse(cli(['--print-config', 'arkiv/old.md'], dir).stdout) as { rules: Record<string, unknown>; configFile: string };
      assert.equal(printed.rules.skall, 'error');
      assert.equal(printed.rules.adoption, 'off');
      assert.ok(printed.configFile.endsWith('.policylintrc.yaml'));
    });

    it('presets: policylint:strategi requires goals', () => {
      const dir = workspace({ '.policylintrc.json': '{ "extends": "policylint:strategi" }', 'draft.md': '# Internationellt arbete\n\nText.\n' });
      const [file] = json(cli(['draft.md', '-f', 'json'], dir).stdout);
      assert.ok(file!.messages.some((m) => m.ruleId === 'goals'));
    });

    it('an unparseable config: exit 2 naming file and line', () => {
      const dir = workspace({ '.policylintrc.yaml': 'rules:\n  skall: [error\n', 'draft.md': DRAFT });
      const r = cli(['draft.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\.policylintrc\.yaml:\d+: kan inte läsas/);
    });

    it('an unknown rule id: exit 2 naming the rule, file and line', () => {
      const dir = workspace({ '.policylintrc.json': '{\n  "rules": {\n    "review-cykel": "error"\n  }\n}\n', 'draft.md': DRAFT });
      const r = cli(['draft.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\.policylintrc\.json:3: okänd regel "review-cykel"/);
    });

    it('a bad severity: exit 2 naming the path and the allowed values', () => {
      const dir = workspace({ '.policylintrc.yaml': 'rules:\n  skall: fatal\n', 'draft.md': DRAFT });
      const r = cli(['draft.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\.policylintrc\.yaml:2: .*skall/);
    });

    it('an unknown preset: exit 2', () => {
      const r = cli(['draft.md'], workspace({ '.policylintrc.yaml': 'extends: policylint:bäst\n', 'draft.md': DRAFT }));
      assert.equal(r.code, 2);
      assert.match(r.stderr, /okänd förinställning "policylint:bäst"/);
    });

    it('--init writes a config that lints cleanly, and refuses to overwrite it', () => {
      const dir = workspace({ 'draft.md': DRAFT });
      assert.equal(cli(['--init'], dir).code, 0);
      assert.match(readFileSync(join(dir, '.policylintrc.yaml'), 'utf8'), /extends: policylint:recommended/);
      assert.equal(cli(['draft.md'], dir).code, 1);
      assert.equal(cli(['--init'], dir).code, 2);
    });

    it('inline comments disable rules for a line, a region and the file', () => {
      const text = [
        '# Internationell policy <!-- policylint-disable-line adoption -->',
        '',
        '<!-- policylint-disable-next-line skall -->',
        'Vi skall samverka.',
        '',
        'Vi skall samverka.',
        '',
        '<!-- policylint-disable skall -->',
        'Vi skall samverka.',
        '<!-- policylint-enable skall -->',
        '',
        'Vi skall samverka.',
        '<!-- policylint-disable-file review-cycle -->',
        '<!-- policylint-disable okänd-regel -->',
      ].join('\n');
      const [file] = json(cli(['d.md', '-f', 'json'], workspace({ 'd.md': text })).stdout);
      const lines = (id: string) => file!.messages.filter((m) => m.ruleId === id).map((m) => m.line);
      assert.deepEqual(lines('skall'), [6, 12]);
      assert.deepEqual(lines('adoption'), []);
      assert.deepEqual(lines('review-cycle'), []);
      assert.deepEqual(lines('syntax'), [14]);
    });
  });

  describe('bad input', () => {
    it('an empty file is linted (everything missing), not a crash', () => {
      const [file] = json(cli(['empty.md', '-f', 'json'], workspace({ 'empty.md': '' })).stdout);
      assert.ok(file!.messages.some((m) => m.ruleId === 'adoption' && m.line === 1 && m.column === 1));
    });

    it('a binary file is a fatal message for that file', () => {
      const r = cli(['bin.md', '-f', 'json'], workspace({ 'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) }));
      const [file] = json(r.stdout);
      assert.equal(r.code, 1);
      assert.equal(file!.messages[0]!.fatal, true);
      assert.match(file!.messages[0]!.message, /binär fil/);
    });

    it('invalid UTF-8 names the line of the bad byte', () => {
      const bytes = Buffer.concat([Buffer.from('# Policy\n\nRad två\nRad tre '), Buffer.from([0xe5, 0x20]), Buffer.from('slut\n')]);
      const [file] = json(cli(['latin1.md', '-f', 'json'], workspace({ 'latin1.md': bytes })).stdout);
      assert.equal(file!.messages[0]!.line, 4);
      assert.match(file!.messages[0]!.message, /ogiltig UTF-8/);
    });

    it('CRLF and BOM files get the same lines and columns as LF files', () => {
      const lf = '# Internationell policy\n\nVi skall samverka.\n';
      const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
      const pos = (text: string) => {
        const [file] = json(cli(['d.md', '-f', 'json'], workspace({ 'd.md': text })).stdout);
        return file!.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]);
      };
      assert.deepEqual(pos(crlf), pos(lf));
    });

    it('a 5 MB file is linted without a crash', function () {
      // What is tested is that it finishes whole, not how fast (that is the bench's job): ~13 s
      // of CPU, much longer on a loaded machine or under coverage.
      this.timeout(120_000);
      const paragraph = 'Kommunstyrelsen ansvarar för det internationella arbetet och redovisar årligen till kommunfullmäktige. ';
      const big = `# Internationell policy\n\n${`${paragraph.repeat(10)}\n\n`.repeat((5 * 1024 * 1024) / (paragraph.length * 10 + 2))}`;
      assert.ok(big.length > 5_000_000);
      const r = cli(['big.md', '-f', 'json'], workspace({ 'big.md': big }));
      assert.equal(r.stderr, '');
      assert.ok(json(r.stdout)[0]!.messages.some((m) => m.ruleId === 'adoption'));
    });
  });
});
