/** Swedish dates as officials write them, tolerant of OCR damage (å/ä/ö lost). */

const MONTHS: Record<string, number> = {
  januari: 1,
  februari: 2,
  mars: 3,
  april: 4,
  maj: 5,
  juni: 6,
  juli: 7,
  augusti: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
};

export interface FoundDate {
  /** ISO yyyy-mm-dd; day or month default to the end of the period when missing. */
  iso: string;
  index: number;
  end: number;
  /** Only the year was given. */
  yearOnly: boolean;
}

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DATE_RE = new RegExp(
  String.raw`(?<![\p{N}])(?:(?<iy>(?:19|20)\d\d)-(?<im>\d\d?)-(?<id>\d\d?)|(?<sd>\d{1,2})(?:\s+|\s*/\s*)(?<sm>${MONTH_NAMES}|\d{1,2})\.?\s+(?<sy>(?:19|20)\d\d)|(?<my>(?:${MONTH_NAMES})\s+(?:19|20)\d\d))(?![\p{N}])`,
  'giu',
);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Every full date in the text ("25 april 2007", "2007-04-25", "25/4 2007"). */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const g = m.groups!;
    let y: number;
    let mo: number;
    let d: number;
    if (g.iy) {
      y = +g.iy;
      mo = +g.im!;
      d = +g.id!;
    } else if (g.sy) {
      y = +g.sy;
      d = +g.sd!;
      mo = /^\d+$/.test(g.sm!) ? +g.sm! : MONTHS[g.sm!.toLowerCase()]!;
    } else {
      const [name, year] = g.my!.split(/\s+/);
      y = +year!;
      mo = MONTHS[name!.toLowerCase()]!;
      d = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    }
    if (!valid(y, mo, d)) continue;
    out.push({ iso: `${y}-${pad(mo)}-${pad(d)}`, index: m.index, end: m.index + m[0].length, yearOnly: false });
  }
  return out;
}

/** A date, or failing that a lone year ("gäller till 2026" means to the end of 2026). */
export function findDateOrYear(text: string): FoundDate | undefined {
  const date = findDates(text)[0];
  if (date) return date;
  const m = /(?<![\p{N}-])((?:19|20)\d\d)(?![\p{N}-])/u.exec(text);
  return m ? { iso: `${m[1]}-12-31`, index: m.index, end: m.index + m[0].length, yearOnly: true } : undefined;
}

/** A YAML value (Date object, ISO string or Swedish text) as an ISO date. */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value >= 1900 && value < 2100) return `${value}-12-31`;
  if (typeof value === 'string') return findDateOrYear(value)?.iso;
  return undefined;
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** Today as ISO, in local time (a policy's dates are local calendar dates). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatSwedishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const name = Object.keys(MONTHS)[m - 1];
  return `${d} ${name} ${y}`;
}
