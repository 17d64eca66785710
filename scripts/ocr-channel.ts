// A synthetic OCR damage channel, learned from a parallel pair (Åmål 000 = OCR, 001 = clean)
// and applied to clean texts the repair was never tuned on, with a fixed seed.
//
// Learning: the two texts are paired word by word (they are parallel); each differing pair
// is aligned character by character (a source character may become 0, 1 or 2 characters:
// "ä" → "a", "&", "éa"; "lö" → "16" is two 1:1 substitutions). Counting gives, per source
// character and position (word-initial or not), the distribution of what OCR printed.
// Characters seen too rarely back off: a capital to its lower-case twin's distribution
// (case-mapped), a position to the character's pooled distribution, and any other letter to
// a pooled "misread letter" rate (random letter, as in "uthilda", "ssmmanhang").
// Hard line wrapping (the OCR text's line width) is the line-break artefact; it keeps the
// word sequence and never starts a line with Markdown block syntax.
import { random } from './bench/corpus.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintFile } from '../server/src/cli/lintFiles.js';
import { ConfigLoader, lintText, loadRuleSet, loadServices, type Diagnostic, type RuleSet, type Services } from '../server/src/engine/index.js';

export interface Channel {
  /** key: source char, or "^" + char for word-initial; value: [output, probability] incl. identity. */
  table: Record<string, Array<[string, number]>>;
  /** Probability that any other letter is misread as a random letter. */
  letterNoise: number;
  /** Typical line width of the OCR text (0: no wrapping). */
  lineWidth: number;
}

const MIN_COUNT = 20;

/** Per-character edit operations turning `src` into `out` (1→0, 1→1, 1→2 and 0→1 pieces). */
function alignChars(src: string[], out: string[]): Array<[string, string]> {
  const n = src.length,
    m = out.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  cost[0]![0] = 0;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= m; j++) {
      const c = cost[i]![j]!;
      if (c === Infinity) continue;
      const relax = (a: number, b: number, w: number) => {
        if (cost[a]![b]! > c + w) cost[a]![b] = c + w;
      };
      if (i < n && j < m) relax(i + 1, j + 1, src[i] === out[j] ? 0 : 1);
      if (i < n && j + 1 < m) relax(i + 1, j + 2, 1.6);
      if (i < n) relax(i + 1, j, 1.5);
      if (j < m) relax(i, j + 1, 1.5);
    }
  const ops: Array<[string, string]> = [];
  let i = n,
    j = m;
  while (i > 0 || j > 0) {
    const c = cost[i]![j]!;
    if (i > 0 && j > 0 && cost[i - 1]![j - 1]! + (src[i - 1] === out[j - 1] ? 0 : 1) === c) {
      ops.push([src[i - 1]!, out[j - 1]!]);
      i--;
      j--;
    } else if (i > 0 && j > 1 && cost[i - 1]![j - 2]! + 1.6 === c) {
      ops.push([src[i - 1]!, out[j - 2]! + out[j - 1]!]);
      i--;
      j -= 2;
    } else if (i > 0 && cost[i - 1]![j]! + 1.5 === c) {
      ops.push([src[i - 1]!, '']);
      i--;
    } else {
      ops.push(['', out[j - 1]!]);
      j--;
    }
  }
  return ops.reverse();
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const DIACRITICS = new Set([...'åäöÅÄÖ']);

export function learnChannel(ocr: string, clean: string): Channel {
  const o = ocr.split(/\s+/u).filter(Boolean);
  const c = clean.split(/\s+/u).filter(Boolean);
  if (o.length !== c.length) throw new Error(`not a parallel pair: ${o.length} vs ${c.length} words`);
  const counts = new Map<string, Map<string, number>>();
  const add = (key: string, output: string) => {
    let m = counts.get(key);
    if (!m) {
      m = new Map();
      counts.set(key, m);
    }
    m.set(output, (m.get(output) ?? 0) + 1);
  };
  let otherLetters = 0,
    otherMisread = 0;
  for (let w = 0; w < c.length; w++) {
    const src = [...c[w]!],
      out = [...o[w]!];
    const ops = src.join('') === out.join('') ? src.map((ch): [string, string] => [ch, ch]) : alignChars(src, out);
    let index = 0;
    for (const [s, t] of ops) {
      if (s === '') continue; // insertions are rare (one in Åmål): not modelled
      const initial = index === 0 || !isLetter(src[index - 1] ?? '');
      index++;
      if (!isLetter(s)) continue; // digits, dashes, footnote marks: not words
      if (DIACRITICS.has(s) || s === 'l' || s === 'I') {
        add(s, t);
        add((initial ? '^' : '') + s + (initial ? '' : '$'), t);
      } else {
        otherLetters++;
        if (t !== s && t.toLowerCase() !== s.toLowerCase()) otherMisread++;
      }
    }
  }
  const table: Channel['table'] = {};
  const normalise = (m: Map<string, number>) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]): [string, number] => [k, v / total]);
  };
  const total = (key: string) => [...(counts.get(key)?.values() ?? [])].reduce((a, b) => a + b, 0);
  for (const ch of [...'åäöÅÄÖlI']) {
    const lower = ch.toLowerCase();
    const caseMapped = (key: string) => {
      // A capital seen too rarely uses its lower-case twin's distribution, case-mapped.
      const m = counts.get(key.replace(ch, lower));
      return m ? new Map([...m.entries()].map(([k, v]) => [k.replace(lower, ch).replace(/^[a-zéäåö]/u, (x) => x.toUpperCase()), v])) : undefined;
    };
    for (const pos of ['^', '']) {
      const key = pos ? `^${ch}` : `${ch}$`;
      const own = total(key) >= MIN_COUNT ? counts.get(key) : total(ch) >= MIN_COUNT ? counts.get(ch) : ch !== lower ? (caseMapped(pos ? `^${lower}` : `${lower}$`) ?? caseMapped(lower)) : undefined;
      if (own) table[key] = normalise(own);
    }
  }
  const lines = ocr
    .split('\n')
    .map((l) => l.length)
    .filter((l) => l > 40)
    .sort((a, b) => a - b);
  return { table, letterNoise: otherLetters ? otherMisread / otherLetters : 0, lineWidth: lines[lines.length >> 1] ?? 0 };
}

/** Small deterministic PRNG, shared with the benchmark corpus. */
export const rng = random;

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

export interface ApplyOptions {
  /** Wrap paragraph lines at the learned width. Default true. */
  wrap?: boolean;
}

/**
 * Damages the prose of a Markdown text: letters in words, never URLs, code, link targets or
 * front matter. Deterministic for a seed.
 */
export function applyChannel(markdown: string, channel: Channel, seed: number, options: ApplyOptions = {}): string {
  const random = rng(seed);
  const sample = (dist: Array<[string, number]>) => {
    let r = random();
    for (const [out, p] of dist) {
      if ((r -= p) < 0) return out;
    }
    return dist[dist.length - 1]![0];
  };
  const damageWord = (word: string): string => {
    const chars = [...word];
    return chars
      .map((ch, i) => {
        const initial = i === 0 || !isLetter(chars[i - 1]!);
        const dist = channel.table[initial ? `^${ch}` : `${ch}$`];
        if (dist) return sample(dist);
        if (/\p{Ll}/u.test(ch) && random() < channel.letterNoise) return LOWER[Math.floor(random() * LOWER.length)]!;
        return ch;
      })
      .join('');
  };
  const protectedSpan = /(`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>|\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gu;
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/u.exec(markdown)?.[0] ?? '';
  const body = markdown.slice(front.length);
  let out = '';
  let at = 0;
  for (const m of body.matchAll(protectedSpan)) {
    out += body.slice(at, m.index).replace(/[\p{L}]+/gu, damageWord) + m[0];
    at = m.index + m[0].length;
  }
  out += body.slice(at).replace(/[\p{L}]+/gu, damageWord);
  if (options.wrap !== false && channel.lineWidth > 0) out = wrapParagraphs(out, channel.lineWidth);
  return front + out;
}

/** Hard-wraps plain paragraph lines as an OCR text is wrapped; headings, lists, tables untouched. */
function wrapParagraphs(text: string, width: number): string {
  const blockStart = /^(?:[-*+>#|]|\d+[.)]|=+$|-+$)/u;
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width || /^\s|^[-*+>#|]|^\d+[.)]\s/u.test(line)) return line;
      const words = line.split(' ');
      const lines: string[] = [];
      let current = '';
      for (const w of words) {
        // Never begin a line with something Markdown reads as block syntax.
        if (current && current.length + 1 + w.length > width && !blockStart.test(w)) {
          lines.push(current);
          current = w;
        } else current = current ? `${current} ${w}` : w;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

// ---- Measuring the real --fix path -------------------------------------------------------

export interface Span {
  text: string;
  start: number;
  end: number;
}

export function whitespaceTokens(text: string): Span[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Pairs the tokens of two versions of one text (index pairs). Equal counts pair by index;
 * otherwise (a fix inserted or removed words) a minimum-cost alignment where a similar
 * token (OCR damage, a repair) pairs more cheaply than an insertion plus a deletion.
 */
export function alignTokens(a: readonly Span[], b: readonly Span[]): Array<[number, number]> {
  if (a.length === b.length) return a.map((_, i) => [i, i]);
  const sub = (x: string, y: string) => (x === y ? 0 : editDistance(x, y) <= Math.max(2, Math.ceil(0.4 * Math.max(x.length, y.length))) ? 0.6 : 2.5);
  const n = a.length,
    m = b.length;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 0; i <= n; i++) cost[i]![0] = i;
  for (let j = 0; j <= m; j++) cost[0]![j] = j;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) cost[i]![j] = Math.min(cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1, cost[i - 1]![j - 1]! + sub(a[i - 1]!.text, b[j - 1]!.text));
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    if (cost[i]![j] === cost[i - 1]![j - 1]! + sub(a[i - 1]!.text, b[j - 1]!.text)) pairs.push([--i, --j]);
    else if (cost[i]![j] === cost[i - 1]![j]! + 1) i--;
    else j--;
  }
  return pairs.reverse();
}

export interface FixComparison {
  /** Words (tokens with a letter in the clean text) that differ between damaged and clean. */
  damaged: number;
  /** Damaged words with a spelling or ocr-artifact diagnostic on them. */
  flagged: number;
  restored: number;
  right: number;
  /** Right words that --fix changed. */
  rightChanged: number;
  /** Of those, changed the same way by --fix on the clean text (another rule's fix, e.g. SKL → SKR). */
  rightChangedByOtherRules: number;
  notRestored: string[];
  wronglyChanged: string[];
}

/**
 * Compares a damaged text, its --fix output and the clean original, word by word.
 * `flaggedRanges`: ranges of spelling/ocr-artifact diagnostics in the damaged text.
 * `cleanFixed`: --fix applied to the clean text. Other rules fix things too ("skall" →
 * "ska", "SKL" → "SKR"); a word that --fix changes the same way in the clean text is
 * counted as changed by other rules, not as OCR repair damage, and a damaged word counts as
 * restored when it ends as the clean text's --fix output has it.
 * Chain of alignments: damaged ↔ clean ↔ cleanFixed ↔ fixed (each pair differs little).
 */
export function compareFix(damagedText: string, fixedText: string, cleanText: string, flaggedRanges: ReadonlyArray<{ start: number; end: number }>, cleanFixed = cleanText): FixComparison {
  const d = whitespaceTokens(damagedText),
    f = whitespaceTokens(fixedText),
    c = whitespaceTokens(cleanText),
    cf = whitespaceTokens(cleanFixed);
  const dToC = new Map(alignTokens(d, c));
  const cToCf = new Map(alignTokens(c, cf));
  const cfToF = new Map(alignTokens(cf, f));
  const out: FixComparison = { damaged: 0, flagged: 0, restored: 0, right: 0, rightChanged: 0, rightChangedByOtherRules: 0, notRestored: [], wronglyChanged: [] };
  const ranges = [...flaggedRanges].sort((x, y) => x.start - y.start);
  const isFlagged = (s: Span) => {
    // Binary search for the first range ending after s.start.
    let lo = 0,
      hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < ranges.length && ranges[lo]!.start < s.end;
  };
  d.forEach((dt, i) => {
    const j = dToC.get(i);
    if (j === undefined) return;
    const ct = c[j]!.text;
    if (!/\p{L}/u.test(ct)) return; // numbers and footnote markers are not words
    const k = cToCf.get(j);
    if (k === undefined) return; // another rule removed the word from the clean text too
    const cft = cf[k]!.text;
    const l = cfToF.get(k);
    const ft = l === undefined ? '∅' : f[l]!.text;
    if (dt.text !== ct) {
      out.damaged++;
      if (isFlagged(dt)) out.flagged++;
      if (ft === ct || ft === cft) out.restored++;
      else out.notRestored.push(`${dt.text}→${ft} (want ${ct})`);
    } else if (ft !== ct) {
      out.right++;
      out.rightChanged++;
      const byOther = ft === cft;
      if (byOther) out.rightChangedByOtherRules++;
      out.wronglyChanged.push(`${dt.text}→${ft}${byOther ? ' (other rule)' : ''}`);
    } else out.right++;
  });
  return out;
}

// ---- The real --fix path -----------------------------------------------------------------

export const TODAY = '2026-11-23';
const WORD_RULES = new Set(['spelling', 'ocr-artifact']);

export interface FixEnv {
  ruleSet: RuleSet;
  configs: ConfigLoader;
  services: Services;
}

export async function fixEnv(): Promise<FixEnv> {
  const ruleSet = loadRuleSet();
  return { ruleSet, configs: new ConfigLoader(ruleSet), services: await loadServices() };
}

export interface FixRun {
  /** The text after `policylint --fix`. */
  fixed: string;
  /** spelling / ocr-artifact diagnostics of the text before fixing. */
  wordDiagnostics: Diagnostic[];
}

/**
 * `policylint --fix` on a temporary copy of `markdown` (the CLI's own lintFile: lint, apply
 * the safe fixes, re-lint, until nothing applies), plus the word diagnostics of the input.
 */
export async function runFix(markdown: string, env: FixEnv, name = 'draft.md'): Promise<FixRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'policylint-ocr-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, markdown, 'utf8');
    const config = env.configs.forFile(file);
    const before = lintText(markdown, { config, ruleSet: env.ruleSet, services: { ...env.services }, today: TODAY });
    const result = await lintFile(file, { ruleSet: env.ruleSet, configs: env.configs, lang: 'sv', fix: true, services: { ...env.services }, today: TODAY });
    return { fixed: result?.output ?? markdown, wordDiagnostics: before.diagnostics.filter((d) => WORD_RULES.has(d.ruleId)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
