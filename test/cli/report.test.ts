import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from '../helpers/cli.js';
import { sub } from './run.js';

const cli = (args: string[], cwd: string) => sub(args[0]!, args.slice(1), cwd);
import { adoptedOn, COMPLETE, withoutAdoption, WORDS } from './drafts.js';

// TODAY is 2026-11-23 (test/helpers/paths.ts): six months on is 2027-05-23.
const FOLDER = {
  'styrdokument/a-overdue.md': adoptedOn('2020-03-01'), // due 2024-03-01
  'styrdokument/b-soon.md': adoptedOn('2023-01-15'), // due 2027-01-15
  'styrdokument/c-ok.md': adoptedOn('2025-06-10'), // due 2029-06-10
  'styrdokument/d-incomplete.md': withoutAdoption('2025-06-10'),
  'styrdokument/e-expires.md': COMPLETE.replace('giltig-till: 2028-12-31', 'giltig-till: 2026-12-31').replace('31 december 2028', '31 december 2026'),
  '.policylint/ordlista.txt': WORDS,
};

const EXPECTED: Record<string, { status: string; reviewDue: string | null; adoptedOn: string | null }> = {
  'styrdokument/a-overdue.md': { status: 'overdue', reviewDue: '2024-03-01', adoptedOn: '2020-03-01' },
  'styrdokument/b-soon.md': { status: 'due-soon', reviewDue: '2027-01-15', adoptedOn: '2023-01-15' },
  'styrdokument/c-ok.md': { status: 'ok', reviewDue: '2029-06-10', adoptedOn: '2025-06-10' },
  'styrdokument/d-incomplete.md': { status: 'incomplete', reviewDue: null, adoptedOn: null },
  'styrdokument/e-expires.md': { status: 'due-soon', reviewDue: '2026-12-31', adoptedOn: '2025-03-24' },
};

const COLUMNS = ['file', 'title', 'type', 'adoptedBy', 'adoptedOn', 'paragraph', 'reviewCycle', 'reviewDue', 'responsible', 'followUp', 'status', 'errors', 'warnings'];

/** A CSV parser (RFC 4180) written for the test, so the format is checked from outside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('policylint report', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = workspace(FOLDER);
  });

  it('json: one row per document with the register keys, due dates and statuses', () => {
    const r = cli(['report', 'styrdokument', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(
      rows.map((row) => row.file),
      Object.keys(EXPECTED),
    );
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), COLUMNS);
      const want = EXPECTED[row.file as string]!;
      assert.deepEqual({ status: row.status, reviewDue: row.reviewDue, adoptedOn: row.adoptedOn }, want, String(row.file));
    }
    const a = rows[0]!;
    assert.equal(a.adoptedBy, 'kommunfullmäktige');
    assert.equal(a.paragraph, '§ 41');
    assert.equal(a.reviewCycle, 'vart fjärde år');
    assert.equal(a.type, 'policy');
    assert.match(String(a.responsible), /^kommunledningsförvaltningen; Kommunstyrelsen/);
    assert.match(String(a.followUp), /årligen/);
    const d = rows[3]!;
    assert.ok((d.errors as number) >= 1, 'the missing adoption is an error');
  });

  it('without an adoption date there is no due date: incomplete, not overdue', () => {
    // Without adoption date there is no due date: incomplete, not overdue.
    const r = cli(['report', 'styrdokument/d-incomplete.md', '-f', 'json'], dir);
    assert.equal((JSON.parse(r.stdout) as { status: string }[])[0]!.status, 'incomplete');
  });

  it('csv: RFC 4180 with the columns as header, the same rows as json', () => {
    const r = cli(['report', 'styrdokument', '-f', 'csv'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\r\n'));
    const [header, ...rows] = parseCsv(r.stdout);
    assert.deepEqual(header, COLUMNS);
    assert.equal(rows.length, 5);
    for (const row of rows) {
      const want = EXPECTED[row[0]!]!;
      assert.equal(row[COLUMNS.indexOf('status')], want.status);
      assert.equal(row[COLUMNS.indexOf('reviewDue')], want.reviewDue ?? '');
    }
    // "arbetet, årligen, kommunstyrelsen" holds commas: quoted, and read back whole.
    assert.equal(rows[0]![COLUMNS.indexOf('followUp')], 'arbetet, årligen, kommunstyrelsen');
  });

  it('csv: a title that a spreadsheet would run as a formula is defused', () => {
    const w = workspace({ 'x.md': '# =HYPERLINK("http://example.invalid")\n\nText.\n' });
    const [, row] = parseCsv(cli(['report', 'x.md', '-f', 'csv'], w).stdout);
    assert.equal(row![1], `'=HYPERLINK("http://example.invalid")`);
  });

  it('markdown (default): a table with a row per document, statuses in words, in Swedish and English', () => {
    const r = cli(['report', 'styrdokument'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const table = lines.filter((l) => l.startsWith('|'));
    assert.equal(table.length, 2 + 5);
    assert.match(table[0]!, /^\| Fil \| Titel \| Typ \| Antagen av \| Antagen \| Paragraf \| Revideringscykel \| Revideras senast \| Ansvarig \| Uppföljning \| Status \| Fel \| Varningar \|$/);
    const overdue = table.find((l) => l.includes('a-overdue.md'))!;
    assert.match(overdue, /\| 2024-03-01 \|.*försenad/);
    assert.match(r.stdout, /5 dokument per 2026-11-23: 1 försenade, 2 revideras inom sex månader, 1 ofullständiga, 1 ok\./);
    const en = cli(['report', 'styrdokument', '--lang', 'en'], dir).stdout;
    assert.match(en, /\| File \| Title \|/);
    assert.match(en, /overdue/);
  });

  it('markdown: a pipe in a title does not break the table', () => {
    const w = workspace({ 'p.md': '# Policy | bilaga\n\nText.\n' });
    const row = cli(['report', 'p.md'], w)
      .stdout.split('\n')
      .find((l) => l.includes('p.md'))!;
    assert.equal(row.split(/(?<!\\)\|/).length - 2, COLUMNS.length);
  });

  it('html: one page with the rows, overdue rows marked, nothing loaded from anywhere', () => {
    const r = cli(['report', 'styrdokument', '-f', 'html', '-o', 'register.html'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(join(dir, 'register.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /\b(?:src|href)=/, 'no external resource');
    assert.equal((html.match(/<tr class="status-overdue"/g) ?? []).length, 1);
    assert.match(html, /<tr class="status-overdue" data-status="overdue"><td data-value="styrdokument\/a-overdue.md">/);
    assert.match(html, /@media print/);
  });

  it('report exits 0 even when documents have errors (it is a register, not a gate)', () => {
    assert.equal(cli(['report', 'styrdokument/d-incomplete.md'], dir).code, 0);
  });

  it('refuses --fix: a register changes no file', () => {
    const w = workspace({ 'x.md': '# Policy\n\nKommunen skall arbeta.\n' });
    const r = cli(['report', 'x.md', '--fix'], w);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /report ändrar inga filer/);
    assert.match(readFileSync(join(w, 'x.md'), 'utf8'), /skall/);
  });

  it('uses the cache: a second run gives the same register', () => {
    const first = cli(['report', 'styrdokument', '-f', 'json', '--cache', '--workers', '0'], dir);
    const second = cli(['report', 'styrdokument', '-f', 'json', '--cache', '--workers', '0'], dir);
    assert.equal(second.stdout, first.stdout);
    assert.ok(readFileSync(join(dir, '.policylintcache'), 'utf8').includes('"governance"'));
  });

  it('the worker pool gives the same register as the main thread', () => {
    const many: Record<string, string> = { '.policylint/ordlista.txt': WORDS };
    for (let i = 0; i < 30; i++) many[`d/${String(i).padStart(2, '0')}.md`] = adoptedOn(`20${10 + (i % 16)}-0${1 + (i % 9)}-15`);
    const w = workspace(many);
    const pooled = cli(['report', 'd', '-f', 'json', '--workers', '2'], w);
    const inline = cli(['report', 'd', '-f', 'json', '--workers', '0'], w);
    assert.equal(pooled.stdout, inline.stdout);
    const rows = JSON.parse(pooled.stdout) as { reviewDue: string; status: string }[];
    assert.equal(rows.length, 30);
    for (const row of rows) assert.equal(row.status, row.reviewDue < '2026-11-23' ? 'overdue' : row.reviewDue <= '2027-05-23' ? 'due-soon' : 'ok');
  });
});
