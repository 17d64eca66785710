import type { Bilingual, OffsetRange } from './types.js';

/**
 * Bounds on what policylint reads and parses, so a hostile or broken file is refused with a
 * message instead of taking minutes or gigabytes. Every limit is far above what a real
 * governing document needs (the four seed documents use less than a tenth of each).
 * Override them with `POLICYLINT_LIMITS="maxHeadings=20000,configBytes=8388608"` (CLI and
 * language server) or the CLI's `--limit name=value`.
 */
export interface Limits {
  /** Largest draft read from disk, in bytes. */
  documentBytes: number;
  /** Largest configuration, `extends` target or word list read, in bytes. */
  configBytes: number;
  /** Longest text linted, in UTF-16 code units. */
  documentChars: number;
  /** Deepest nesting of block quotes and lists on one line (`> > > -` is 4). */
  nesting: number;
  /** Most headings in one document. */
  headings: number;
  /** Most footnote references and definitions (`[^…`) in one document. */
  footnotes: number;
  /** Most keys in the front matter. */
  frontMatterKeys: number;
  /** Most emphasis delimiters (`*`, `_`) in one paragraph. */
  emphasisDelimiters: number;
  /** Longest run of one delimiter (`*****…`): the parser's cost grows with its square and more. */
  delimiterRun: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  documentBytes: 16 * 1024 * 1024,
  configBytes: 4 * 1024 * 1024,
  documentChars: 16 * 1024 * 1024,
  nesting: 100,
  headings: 2_000,
  footnotes: 1_000,
  frontMatterKeys: 1_000,
  emphasisDelimiters: 10_000,
  delimiterRun: 1_000,
});

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** Parses `name=value,name=value`; throws on an unknown name or a value that is not a whole number ≥ 1. */
export function parseLimits(spec: string): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!LIMIT_NAMES.includes(name as keyof Limits)) throw new Error(`okänd gräns "${name}"; finns: ${LIMIT_NAMES.join(', ')} / unknown limit`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`gränsen ${name} vill ha ett heltal ≥ 1, fick "${value}" / expects a whole number ≥ 1`);
    out[name as keyof Limits] = n;
  }
  return out;
}

/** The defaults with POLICYLINT_LIMITS and then `overrides` applied. */
export function resolveLimits(overrides: Partial<Limits> = {}, env: string | undefined = process.env.POLICYLINT_LIMITS): Limits {
  return { ...DEFAULT_LIMITS, ...(env ? parseLimits(env) : {}), ...overrides };
}

export interface LimitExceeded {
  limit: keyof Limits;
  /** What was counted (up to the first value past the limit: the scan stops there). */
  found: number;
  allowed: number;
  /** Where the excess starts, for the finding's range. */
  range: OffsetRange;
  message: Bilingual;
}

const DEEP = { sv: 'Dokumentet är för djupt nästlat för att granskas här', en: 'The document is nested too deeply to be checked here' };
const LARGE = { sv: 'Dokumentet är för stort för att granskas här', en: 'The document is too large to be checked here' };

function exceeded(limit: keyof Limits, found: number, allowed: number, at: number, what: Bilingual, deep = false): LimitExceeded {
  const head = deep ? DEEP : LARGE;
  return {
    limit,
    found,
    allowed,
    range: { start: at, end: at },
    message: {
      sv: `${head.sv}: ${what.sv} (högst ${allowed}; gränsen ${limit} kan höjas med POLICYLINT_LIMITS eller --limit).`,
      en: `${head.en}: ${what.en} (at most ${allowed}; raise the limit ${limit} with POLICYLINT_LIMITS or --limit).`,
    },
  };
}

/**
 * A cheap linear pre-scan of a draft, before it is parsed: the first limit it exceeds, if
 * any. It counts what makes the Markdown parser and the checks slow or recursive: nesting
 * of quotes and lists, headings, footnotes, front matter keys, emphasis delimiters.
 */
export function checkDocumentLimits(text: string, limits: Limits): LimitExceeded | undefined {
  if (text.length > limits.documentChars) {
    return exceeded('documentChars', text.length, limits.documentChars, 0, { sv: `${text.length} tecken`, en: `${text.length} characters` });
  }
  let headings = 0;
  let footnotes = 0;
  let delimiters = 0;
  let frontMatterKeys = 0;
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n') || text.startsWith('\uFEFF---\n') || text.startsWith('\uFEFF---\r\n');
  let first = true;
  let special = -1;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (inFrontMatter) {
      if (!first && /^(---|\.\.\.)\r?$/.test(text.slice(start, Math.min(end, start + 5)))) inFrontMatter = false;
      else if (!first && /^[^\s#-][^:\n]*:/.test(text.slice(start, Math.min(end, start + 200)))) {
        if (++frontMatterKeys > limits.frontMatterKeys) {
          return exceeded('frontMatterKeys', frontMatterKeys, limits.frontMatterKeys, start, {
            sv: `fler än ${limits.frontMatterKeys} nycklar i front matter`,
            en: `more than ${limits.frontMatterKeys} front matter keys`,
          });
        }
      }
      first = false;
      start = end + 1;
      continue;
    }
    first = false;
    const depth = lineDepth(text, start, end);
    if (depth > limits.nesting) {
      return exceeded('nesting', depth, limits.nesting, start, { sv: `${depth} nivåer citat eller listor`, en: `${depth} levels of quotes or lists` }, true);
    }
    if (isBlank(text, start, end)) delimiters = 0;
    let run = 0;
    // Jump from one "*", "_" or "[" to the next: most lines have none (an editor scans the
    // whole draft on every keystroke).
    if (special < start) special = nextSpecial(text, start);
    for (; special < end; special = nextSpecial(text, special + 1)) {
      const i = special;
      const c = text.charCodeAt(i);
      if (c === 42 /* * */ || c === 95 /* _ */) {
        run = text.charCodeAt(i - 1) === c ? run + 1 : 1;
        if (run > limits.delimiterRun) {
          return exceeded(
            'delimiterRun',
            run,
            limits.delimiterRun,
            i,
            { sv: `fler än ${limits.delimiterRun} tecken ${String.fromCharCode(c)} i följd`, en: `more than ${limits.delimiterRun} ${String.fromCharCode(c)} characters in a row` },
            true,
          );
        }
        if (++delimiters > limits.emphasisDelimiters) {
          return exceeded(
            'emphasisDelimiters',
            delimiters,
            limits.emphasisDelimiters,
            i,
            { sv: `fler än ${limits.emphasisDelimiters} tecken * eller _ i ett stycke`, en: `more than ${limits.emphasisDelimiters} * or _ characters in one paragraph` },
            true,
          );
        }
      } else if (c === 91 /* [ */ && text.charCodeAt(i + 1) === 94 /* ^ */) {
        if (++footnotes > limits.footnotes) {
          return exceeded('footnotes', footnotes, limits.footnotes, i, { sv: `fler än ${limits.footnotes} fotnoter`, en: `more than ${limits.footnotes} footnotes` });
        }
      }
    }
    if (isHeading(text, start, end) && ++headings > limits.headings) {
      return exceeded('headings', headings, limits.headings, start, { sv: `fler än ${limits.headings} rubriker`, en: `more than ${limits.headings} headings` });
    }
    start = end + 1;
  }
  return undefined;
}

const SPECIAL = /[*_[]/g;

/** The index of the next "*", "_" or "[" from `from`, or the text's length. */
function nextSpecial(text: string, from: number): number {
  SPECIAL.lastIndex = from;
  return SPECIAL.exec(text)?.index ?? text.length;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** An ATX heading (`#` after at most three spaces) or a setext underline (`===`, `---`). */
function isHeading(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (c === 35 /* # */) return true;
  if (c === 61 /* = */) {
    while (i < end && text.charCodeAt(i) === 61) i++;
    return isBlank(text, i, end);
  }
  return false;
}

/**
 * Container levels a line opens: each `>` and each list marker (`-`, `+`, `*`, `1.`, `1)`)
 * followed by a space counts one; leading indentation counts one level per two spaces when
 * it leads to a list marker (lists nested by indentation).
 */
function lineDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let i = start;
  let indent = 0;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    indent += text.charCodeAt(i) === 9 ? 4 : 1;
    i++;
  }
  let markers = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) {
      depth++;
      i++;
    } else if ((c === 45 || c === 43 || c === 42) && isSpace(text.charCodeAt(i + 1))) {
      depth++;
      markers++;
      i += 2;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const m = text.charCodeAt(j);
      if ((m === 46 || m === 41) && isSpace(text.charCodeAt(j + 1))) {
        depth++;
        markers++;
        i = j + 2;
      } else break;
    } else break;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= end) break;
  }
  return markers > 0 || depth > 0 ? depth + Math.floor(indent / 2) : 0;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
