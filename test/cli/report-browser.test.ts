import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { workspace } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';
import { adoptedOn, withoutAdoption, WORDS } from './drafts.js';
import { sub } from './run.js';

/** DOM shapes used inside the page (the tests compile without the DOM library). */
type Row = { cells: ArrayLike<{ getAttribute(name: string): string | null }> };
declare const getComputedStyle: (element: unknown) => { backgroundColor: string; display: string; outlineStyle: string };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = join(REPO, 'test-results');

/**
 * The HTML register in a real browser (Chromium through playwright-core): it renders, sorts
 * on a click and from the address, marks the overdue row, asks the network for nothing, and
 * prints. A screenshot and a PDF are left in test-results/ to look at.
 */
describe('policylint report --format html in Chromium', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: string;

  before(async function () {
    assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (Debian: apt-get install chromium), or set CHROMIUM_PATH`);
    const dir = workspace({
      'a-overdue.md': adoptedOn('2020-03-01'),
      'b-soon.md': adoptedOn('2023-01-15'),
      'c-ok.md': adoptedOn('2025-06-10'),
      'd-incomplete.md': withoutAdoption('2025-06-10'),
      '.policylint/ordlista.txt': WORDS,
    });
    const r = sub('report', ['.', '-f', 'html', '-o', 'register.html'], dir);
    assert.equal(r.code, 0, r.stderr);
    page = pathToFileURL(join(dir, 'register.html')).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });

  after(async () => {
    await browser?.close();
  });

  it('renders the rows with the overdue row marked, loads nothing else, and sorts on clicks', async () => {
    const tab = await browser.newPage({ viewport: { width: 1500, height: 800 } });
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(page);
    const column = (name: string) =>
      tab.$$eval(
        `#register tbody tr`,
        (rows, index) => rows.map((row) => (row as unknown as Row).cells[index]!.getAttribute('data-value')),
        ['file', 'title', 'type', 'adoptedBy', 'adoptedOn', 'paragraph', 'reviewCycle', 'reviewDue', 'responsible', 'followUp', 'status', 'errors', 'warnings'].indexOf(name),
      );
    assert.deepEqual(await column('file'), ['a-overdue.md', 'b-soon.md', 'c-ok.md', 'd-incomplete.md']);
    const overdue = tab.locator('tr.status-overdue');
    assert.equal(await overdue.count(), 1);
    assert.match(await overdue.locator('td.status').innerText(), /⚠\s*försenad/);
    // Marked by more than colour: its background differs from an ok row's.
    const background = (selector: string) => tab.$eval(selector, (el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(await background('tr.status-overdue'), await background('tr.status-ok'));

    await tab.click('th[data-column="reviewDue"] button');
    assert.deepEqual(await column('reviewDue'), ['2024-03-01', '2027-01-15', '2029-06-10', ''], 'ascending, empty last');
    await tab.click('th[data-column="reviewDue"] button');
    assert.deepEqual(await column('reviewDue'), ['2029-06-10', '2027-01-15', '2024-03-01', '']);
    assert.equal(await tab.getAttribute('th[data-column="reviewDue"]', 'aria-sort'), 'descending');
    await tab.click('th[data-column="status"] button');
    assert.deepEqual(await column('status'), ['due-soon', 'incomplete', 'ok', 'overdue']);

    mkdirSync(RESULTS, { recursive: true });
    await tab.screenshot({ path: join(RESULTS, 'report-html.png'), fullPage: true });
    assert.ok(statSync(join(RESULTS, 'report-html.png')).size > 10_000);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [page], 'the page asks for nothing but itself');
    await tab.close();
  });

  it('#sort=-errors in the address sorts on load, numerically', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${page}#sort=-errors`);
    const errors = await tab.$$eval('#register tbody tr', (rows) => rows.map((row) => Number((row as unknown as Row).cells[11]!.getAttribute('data-value'))));
    assert.deepEqual(
      errors,
      [...errors].sort((a, b) => b - a),
    );
    assert.ok(errors[0]! >= 1);
    assert.equal(await tab.getAttribute('#register', 'data-sorted'), '-errors');
    await tab.close();
  });

  it('prints: the print stylesheet applies and a PDF is made', async () => {
    const tab = await browser.newPage();
    await tab.goto(page);
    await tab.emulateMedia({ media: 'print' });
    assert.equal(await tab.$eval('thead', (el) => getComputedStyle(el).display), 'table-header-group');
    assert.match(await tab.$eval('tr.status-overdue', (el) => getComputedStyle(el).outlineStyle), /solid/);
    await tab.pdf({ path: join(RESULTS, 'report-html.pdf'), landscape: true, format: 'A4' });
    assert.ok(statSync(join(RESULTS, 'report-html.pdf')).size > 5_000);
    await tab.close();
  });
});
