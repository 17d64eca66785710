import { HEADERS, STATUS, summaryLine, TITLE } from './labels.js';
import { COLUMNS, type ReportRow } from './rows.js';
import type { ReportContext } from './formats.js';
import { countStatuses } from './formats.js';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Sorting in the page: a click on a header sorts by that column (again: descending); numbers
 * as numbers, everything else by Swedish collation, empty cells last. `#sort=reviewDue` (or
 * `#sort=-errors`) in the address sorts on load, so a saved link keeps its order. Inline:
 * the page loads nothing from anywhere (its Content-Security-Policy says so).
 */
export const SORT_SCRIPT = `
(function () {
  var table = document.getElementById('register');
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, i) { return row.cells[i].getAttribute('data-value'); }
  function sortBy(column, descending) {
    var index = -1;
    for (var i = 0; i < heads.length; i++) if (heads[i].getAttribute('data-column') === column) index = i;
    if (index < 0) return;
    var numeric = heads[index].getAttribute('data-type') === 'number';
    var collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, index), y = key(b, index);
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var k = 0; k < heads.length; k++) heads[k].setAttribute('aria-sort', k === index ? (descending ? 'descending' : 'ascending') : 'none');
    table.setAttribute('data-sorted', (descending ? '-' : '') + column);
  }
  for (var i = 0; i < heads.length; i++) {
    (function (head) {
      var button = head.querySelector('button');
      button.addEventListener('click', function () {
        sortBy(head.getAttribute('data-column'), head.getAttribute('aria-sort') === 'ascending');
      });
    })(heads[i]);
  }
  var match = /sort=(-?)([A-Za-z]+)/.exec(location.hash);
  if (match) sortBy(match[2], match[1] === '-');
})();
`;

const STYLE = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p.summary { margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
th button { all: inherit; cursor: pointer; border: 0; padding: 0; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.date { white-space: nowrap; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.status-overdue { background: #fde2e1; }
tr.status-overdue td.status { font-weight: 700; color: #8a1c13; }
tr.status-due-soon { background: #fff4d6; }
tr.status-incomplete td.status { color: #7a4b00; }
td.status .mark { font-weight: 700; }
footer { margin-top: 1rem; color: #555; font-size: .85rem; }
@media print {
  body { margin: 0; font-size: 10pt; }
  th button::after { content: "" !important; }
  tr { break-inside: avoid; }
  tr.status-overdue { background: none; outline: 2px solid #8a1c13; }
  thead { display: table-header-group; }
  @page { size: A4 landscape; margin: 12mm; }
}
`;

/** One self-contained page: inline style and script, no request to anywhere, printable. */
export function renderHtml(rows: ReportRow[], ctx: ReportContext): string {
  const h = HEADERS[ctx.lang];
  const counts = countStatuses(rows);
  const head = COLUMNS.map(
    (c) =>
      `<th scope="col" data-column="${c}"${c === 'errors' || c === 'warnings' ? ' data-type="number"' : ''} aria-sort="${c === 'file' ? 'ascending' : 'none'}"><button type="button">${escapeHtml(h[c])}</button></th>`,
  ).join('');
  const body = rows
    .map((row) => {
      const cells = COLUMNS.map((c) => {
        const value = row[c];
        const raw = value === null ? '' : String(value);
        if (c === 'status') {
          // The status is said in words and a mark, not by colour alone (and it prints).
          const mark = row.status === 'overdue' ? '<span class="mark">⚠ </span>' : '';
          return `<td class="status" data-value="${escapeHtml(raw)}">${mark}${escapeHtml(STATUS[ctx.lang][row.status])}</td>`;
        }
        const kind = c === 'errors' || c === 'warnings' ? ' class="number"' : c === 'adoptedOn' || c === 'reviewDue' ? ' class="date"' : '';
        return `<td${kind} data-value="${escapeHtml(raw)}">${raw === '' ? '–' : escapeHtml(raw)}</td>`;
      }).join('');
      return `<tr class="status-${row.status}" data-status="${row.status}">${cells}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policylint ${escapeHtml(ctx.version)}">
<title>${escapeHtml(TITLE[ctx.lang])} ${escapeHtml(ctx.today)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(TITLE[ctx.lang])}</h1>
<p class="summary">${escapeHtml(summaryLine(counts, rows.length, ctx.today, ctx.lang))}</p>
<table id="register" data-sorted="file">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<footer>policylint ${escapeHtml(ctx.version)} · ${escapeHtml(ctx.today)}</footer>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
