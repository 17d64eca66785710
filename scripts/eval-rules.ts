// Measure the four core rules on the development corpus (test/corpus) and on the seeds.
//   node out/scripts/eval-rules.js [--check] [--json] [--corpus DIR] [--today YYYY-MM-DD]
//
// Every draft NAME.md in the corpus has a sidecar NAME.labels.yml with a human verdict per
// rule: "missing" = the rule must report an error, "present" = it must not. A rule "reports"
// a draft when it has at least one finding with severity error there; findings that are only
// warnings are counted as "partial" (the rule could not read a statement completely) and do
// not count as reports. The positive class is "reported": precision = reports that were
// right, recall = missing statements that were reported.
// --check compares precision and recall per rule with test/corpus/thresholds.json and exits 1
// naming every rule that dropped below its committed figure, or when a seed verdict is wrong.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { lintText, type Diagnostic } from '../server/src/engine/index.js';

export const CORE_RULES = ['adoption', 'review-cycle', 'responsible-body', 'follow-up'] as const;
export type CoreRule = (typeof CORE_RULES)[number];
export type Verdict = 'present' | 'missing';
/** Form ids are rule-prefixed; the prefix names the rule the form is evidence for. */
export const FORM_PREFIX: Record<string, CoreRule> = {
  adoption: 'adoption',
  review: 'review-cycle',
  responsible: 'responsible-body',
  'follow-up': 'follow-up',
};
/** Pinned like the tests (test/helpers/paths.ts) so period rules do not drift. */
const DEFAULT_TODAY = '2026-11-23';
const FORM_ID = /^[a-z]+(?:-[a-z]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface Sidecar {
  source: string;
  forms: string[];
  expect: Partial<Record<CoreRule, Verdict>>;
  note?: string;
}

export interface Draft {
  /** Path relative to the corpus directory, e.g. "adoption/001-x.md". */
  file: string;
  text: string;
  labels: Sidecar;
}

/** Problems with one sidecar (empty when it is valid). */
export function sidecarProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the sidecar is not a mapping'];
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!['source', 'forms', 'expect', 'note'].includes(key)) problems.push(`unknown key "${key}"`);
  if (typeof v.source !== 'string' || !/^https?:\/\/\S+$/.test(v.source)) problems.push('source must be an http(s) address');
  if (!Array.isArray(v.forms) || v.forms.length === 0) problems.push('forms must be a non-empty list');
  else for (const f of v.forms) if (typeof f !== 'string' || !FORM_ID.test(f)) problems.push(`form id "${String(f)}" is not of the form rule/name`);
  if (typeof v.expect !== 'object' || v.expect === null || Array.isArray(v.expect) || Object.keys(v.expect).length === 0) {
    problems.push('expect must map at least one rule to present or missing');
  } else {
    for (const [rule, verdict] of Object.entries(v.expect as Record<string, unknown>)) {
      if (!(CORE_RULES as readonly string[]).includes(rule)) problems.push(`expect names unknown rule "${rule}"`);
      if (verdict !== 'present' && verdict !== 'missing') problems.push(`expect.${rule} must be present or missing`);
    }
  }
  if (v.note !== undefined && typeof v.note !== 'string') problems.push('note must be a string');
  return problems;
}

function markdownFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full, base));
    else if (name.endsWith('.md') && name !== 'README.md') out.push(path.relative(base, full));
  }
  return out;
}

/** Reads every draft and its sidecar; throws naming each draft whose sidecar is absent or invalid. */
export function loadCorpus(dir: string): Draft[] {
  const drafts: Draft[] = [];
  const errors: string[] = [];
  for (const file of markdownFiles(dir)) {
    const sidecar = path.join(dir, file.replace(/\.md$/, '.labels.yml'));
    if (!existsSync(sidecar)) {
      errors.push(`${file}: no sidecar ${path.basename(sidecar)}`);
      continue;
    }
    const labels: unknown = parse(readFileSync(sidecar, 'utf8'));
    const problems = sidecarProblems(labels);
    if (problems.length) errors.push(`${file}: ${problems.join('; ')}`);
    else drafts.push({ file, text: readFileSync(path.join(dir, file), 'utf8'), labels: labels as Sidecar });
  }
  if (errors.length) throw new Error(`invalid corpus:\n${errors.join('\n')}`);
  return drafts;
}

/** The core rule a form id is evidence for, or undefined for layout forms (which concern every rule). */
export function ruleOfForm(form: string): CoreRule | undefined {
  return FORM_PREFIX[form.split('/')[0]!];
}

export interface Judgement {
  reported: boolean;
  partial: boolean;
  message: string;
}

/** What the rule did on a text: an error is a report; warnings alone are partial. */
export function judge(diagnostics: readonly Diagnostic[], rule: CoreRule): Judgement {
  const mine = diagnostics.filter((d) => d.ruleId === rule);
  const errors = mine.filter((d) => d.severity === 'error');
  const first = errors[0] ?? mine[0];
  return { reported: errors.length > 0, partial: errors.length === 0 && mine.length > 0, message: first ? first.message.sv : '' };
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  partial: number;
}
const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0, tn: 0, partial: 0 });

function add(t: Tally, expected: Verdict, j: Judgement): void {
  if (expected === 'missing') {
    if (j.reported) t.tp++;
    else t.fn++;
  } else if (j.reported) t.fp++;
  else t.tn++;
  if (j.partial) t.partial++;
}

/** Precision is 1 when the rule reported nothing (no false alarm); recall is 1 when nothing was missing. */
export function scores(t: Tally): { n: number; precision: number; recall: number; accuracy: number } {
  const n = t.tp + t.fp + t.fn + t.tn;
  return {
    n,
    precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp),
    recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn),
    accuracy: n === 0 ? 1 : (t.tp + t.tn) / n,
  };
}

export interface Wrong {
  file: string;
  rule: CoreRule;
  expected: Verdict;
  got: 'reported' | 'not reported';
  partial: boolean;
  message: string;
}

export interface Evaluation {
  rules: Record<CoreRule, Tally>;
  forms: Record<string, Partial<Record<CoreRule, Tally>>>;
  wrong: Wrong[];
}

export function evaluate(drafts: readonly { file: string; text: string; expect: Partial<Record<CoreRule, Verdict>>; forms: readonly string[] }[], today: string): Evaluation {
  const rules = Object.fromEntries(CORE_RULES.map((r) => [r, emptyTally()])) as Record<CoreRule, Tally>;
  const forms: Evaluation['forms'] = {};
  const wrong: Wrong[] = [];
  for (const draft of drafts) {
    const { diagnostics } = lintText(draft.text, { today });
    for (const rule of CORE_RULES) {
      const expected = draft.expect[rule];
      if (!expected) continue;
      const j = judge(diagnostics, rule);
      add(rules[rule], expected, j);
      for (const form of draft.forms) {
        const formRule = ruleOfForm(form);
        if (formRule !== undefined && formRule !== rule) continue;
        add(((forms[form] ??= {})[rule] ??= emptyTally()), expected, j);
      }
      if ((expected === 'missing') !== j.reported) {
        wrong.push({ file: draft.file, rule, expected, got: j.reported ? 'reported' : 'not reported', partial: j.partial, message: j.message });
      }
    }
  }
  return { rules, forms, wrong };
}

/** The seeds' verdicts, read by hand (test/engine/verdicts.test.ts, /work/shared/seeds/README.md). */
export const SEED_VERDICTS: Record<string, Record<CoreRule, Verdict>> = {
  'amal.md': { adoption: 'missing', 'review-cycle': 'missing', 'responsible-body': 'present', 'follow-up': 'present' },
  'amal-ocr.md': { adoption: 'missing', 'review-cycle': 'missing', 'responsible-body': 'present', 'follow-up': 'present' },
  'alingsas.md': { adoption: 'present', 'review-cycle': 'present', 'responsible-body': 'present', 'follow-up': 'present' },
  'lidkoping-ocr.md': { adoption: 'missing', 'review-cycle': 'missing', 'responsible-body': 'present', 'follow-up': 'present' },
  'arvika.md': { adoption: 'present', 'review-cycle': 'missing', 'responsible-body': 'present', 'follow-up': 'missing' },
};

export function loadSeeds(dir: string): { file: string; text: string; expect: Record<CoreRule, Verdict>; forms: string[] }[] {
  return Object.entries(SEED_VERDICTS).map(([name, expect]) => ({ file: `seeds/${name}`, text: readFileSync(path.join(dir, name), 'utf8'), expect, forms: [] }));
}

export type Thresholds = Record<CoreRule, { precision: number; recall: number }>;

/** Rules whose precision or recall fell below the committed minimum. */
export function regressions(evaluation: Evaluation, thresholds: Partial<Thresholds>): string[] {
  const out: string[] = [];
  for (const rule of CORE_RULES) {
    const min = thresholds[rule];
    if (!min) continue;
    const s = scores(evaluation.rules[rule]);
    if (s.precision < min.precision) out.push(`${rule}: precision ${pct(s.precision)} < committed ${pct(min.precision)}`);
    if (s.recall < min.recall) out.push(`${rule}: recall ${pct(s.recall)} < committed ${pct(min.recall)}`);
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function tallyRow(label: string[], t: Tally): string[] {
  const s = scores(t);
  return [...label, String(s.n), String(t.tp), String(t.fp), String(t.fn), String(t.tn), String(t.partial), pct(s.precision), pct(s.recall), pct(s.accuracy)];
}

const TALLY_HEADER = ['n', 'TP', 'FP', 'FN', 'TN', 'partial', 'precision', 'recall', 'accuracy'];

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(): number {
  const argv = process.argv.slice(2);
  const corpusDir = path.resolve(option(argv, '--corpus') ?? 'test/corpus');
  const seedsDir = path.resolve('test/fixtures/seeds');
  const today = option(argv, '--today') ?? DEFAULT_TODAY;
  const drafts = loadCorpus(corpusDir);
  const corpus = evaluate(
    drafts.map((d) => ({ file: d.file, text: d.text, expect: d.labels.expect, forms: d.labels.forms })),
    today,
  );
  const seeds = evaluate(loadSeeds(seedsDir), today);
  const thresholdsFile = path.join(corpusDir, 'thresholds.json');
  const thresholds: Partial<Thresholds> = existsSync(thresholdsFile) ? (JSON.parse(readFileSync(thresholdsFile, 'utf8')) as Partial<Thresholds>) : {};
  const dropped = regressions(corpus, thresholds);
  const seedFailures = seeds.wrong.map((w) => `${w.file} ${w.rule}: expected ${w.expected}, ${w.got}`);

  if (argv.includes('--json')) {
    const withScores = (t: Tally) => ({ ...t, ...scores(t) });
    console.log(
      JSON.stringify(
        {
          today,
          drafts: drafts.length,
          rules: Object.fromEntries(CORE_RULES.map((r) => [r, withScores(corpus.rules[r])])),
          forms: Object.fromEntries(
            Object.entries(corpus.forms)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([f, byRule]) => [f, Object.fromEntries(Object.entries(byRule).map(([r, t]) => [r, withScores(t)]))]),
          ),
          wrong: corpus.wrong,
          seeds: { rules: Object.fromEntries(CORE_RULES.map((r) => [r, withScores(seeds.rules[r])])), wrong: seeds.wrong },
          thresholds,
          regressions: dropped,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(`corpus: ${drafts.length} drafts in ${path.relative(process.cwd(), corpusDir) || '.'}, today ${today}`);
    console.log('positive = the rule reports an error; partial = only warnings\n');
    console.log(
      table(
        ['rule', ...TALLY_HEADER],
        CORE_RULES.map((r) => tallyRow([r], corpus.rules[r])),
      ),
    );
    console.log('\nseeds (must all be right):');
    console.log(
      table(
        ['rule', ...TALLY_HEADER],
        CORE_RULES.map((r) => tallyRow([r], seeds.rules[r])),
      ),
    );
    console.log('\nper form:');
    const formRows: string[][] = [];
    for (const [form, byRule] of Object.entries(corpus.forms).sort(([a], [b]) => a.localeCompare(b))) {
      for (const rule of CORE_RULES) if (byRule[rule]) formRows.push(tallyRow([form, rule], byRule[rule]));
    }
    console.log(table(['form', 'rule', ...TALLY_HEADER], formRows));
    console.log(`\nwrong (${corpus.wrong.length}):`);
    for (const w of [...seeds.wrong, ...corpus.wrong]) {
      console.log(`${w.file}  ${w.rule}  expected ${w.expected}  got ${w.got}${w.partial ? ' (partial)' : ''}${w.message ? `  — ${w.message}` : ''}`);
    }
    if (dropped.length || seedFailures.length) console.log(`\nbelow committed figures: ${[...dropped, ...seedFailures].join('; ')}`);
  }
  if (!argv.includes('--check')) return 0;
  if (dropped.length || seedFailures.length) {
    console.error(`eval:rules --check failed: ${[...dropped, ...seedFailures.map((s) => `seed ${s}`)].join('; ')}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exit(main());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
