import { parseDocument, type BlockCache, type ParseCache, type PolicyDocument } from './document/parse.js';
import { findSections, findTitle, type Section } from './analysis/sections.js';
import { extractMetadata, detectDocumentType } from './analysis/metadata.js';
import { todayIso } from './analysis/dates.js';
import { PatternCache } from './match/pattern.js';
import { buildVocabulary } from './rules/vocabulary.js';
import { loadRuleSet } from './rules/load.js';
import type { RuleSet } from './rules/model.js';
import type { ResolvedConfig } from './config/model.js';
import { CHECKS } from './checks/index.js';
import { LineIndex } from './text/lineIndex.js';
import type { CheckContext } from './checks/context.js';
import { extractFacts } from './facts/extract.js';
import { noFacts, type GovernanceFacts } from './facts/model.js';
import { applyDirectives, parseDirectives, unknownDirectiveIds, unusedDirectives, type Directive } from './directives.js';
import type { Diagnostic, Finding } from './types.js';
import { checkDocumentLimits, resolveLimits, type Limits } from './limits.js';

export interface LintOptions {
  ruleSet?: RuleSet;
  /** Configuration in force; defaults to every rule at its default severity. */
  config?: ResolvedConfig;
  /** ISO date that counts as today (tests pin it). */
  today?: string;
  /** Services for checks that need them, e.g. a loaded spell checker. */
  services?: Record<string, unknown>;
  /** Reuses the parse of unchanged chunks between versions of one document (editors). */
  parseCache?: ParseCache;
  /** Bounds on what is parsed (see limits.ts); defaults, then POLICYLINT_LIMITS, then these. */
  limits?: Partial<Limits>;
  /** Report disable comments that turned nothing off, at this severity (the CLI's --report-unused-disable-directives). */
  reportUnusedDisableDirectives?: 'warning' | 'error';
}

export interface LintResult {
  diagnostics: Diagnostic[];
  document: PolicyDocument;
  documentType: string | undefined;
  /** What the document says about its own governance (facts/model.ts). */
  facts: GovernanceFacts;
  /** The title the checks saw (for the CLI's register and diff). */
  title: string;
  /** The document's sections, each with the sections.yml id its heading matches (as the rules saw them). */
  sections: Section[];
}

/** Internal findings that belong to no rule file: broken front matter, unknown ids in comments. */
export const SYNTAX_RULE = 'syntax';

const RANK: Record<Diagnostic['severity'], number> = { info: 0, warning: 1, error: 2 };

const patternCaches = new WeakMap<RuleSet, PatternCache>();

export function patternsFor(ruleSet: RuleSet): PatternCache {
  let cache = patternCaches.get(ruleSet);
  if (!cache) {
    cache = new PatternCache(buildVocabulary(ruleSet.bodies, ruleSet.intervals));
    patternCaches.set(ruleSet, cache);
  }
  return cache;
}

/** One empty list: caches keyed on the accepted words must see the same one every lint. */
const NO_WORDS: readonly string[] = Object.freeze([]);

export function createContext(doc: PolicyDocument, ruleSet: RuleSet, config: ResolvedConfig | undefined, today: string, services: Record<string, unknown> = {}, blockCache?: BlockCache): CheckContext {
  const patterns = patternsFor(ruleSet);
  const title = findTitle(doc);
  const metadata = extractMetadata(doc, ruleSet.metadata.labels, patterns, blockCache);
  const memo = new Map<string, unknown>(Object.entries(services).map(([k, v]) => [`service:${k}`, v]));
  const ctx: CheckContext = {
    doc,
    ruleSet,
    patterns,
    sections: findSections(doc, ruleSet.sections, patterns),
    title,
    metadata,
    documentType: detectDocumentType(metadata, title.text, ruleSet.documentTypes) ?? config?.documentType,
    words: config?.words ?? NO_WORDS,
    today,
    options: {},
    memo,
  };
  if (config?.bodies) ctx.localBodies = config.bodies;
  if (blockCache) ctx.blockCache = blockCache;
  return ctx;
}

/**
 * Lints one Markdown text. Pure: no I/O beyond loading the rule set once.
 * Offsets in the result refer to `text` as given, a leading BOM included.
 */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  if (text.charCodeAt(0) !== 0xfeff) return lintBody(text, options);
  // Markdown parsers see no BOM; lint without it and shift every offset back by one.
  const result = lintBody(text.slice(1), options);
  const shift = <T extends { start: number; end: number }>(r: T): T => ({ ...r, start: r.start + 1, end: r.end + 1 });
  result.diagnostics = result.diagnostics.map((d) => ({
    ...d,
    range: shift(d.range),
    ...(d.fixes ? { fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map(shift), ...(f.snippet ? { snippet: { ...f.snippet, offset: f.snippet.offset + 1 } } : {}) })) } : {}),
  }));
  result.document = { ...result.document, text, lines: new LineIndex(text) };
  result.facts = shiftRanges(result.facts, 1);
  return result;
}

/** A copy of a facts record with every `range` moved by `by` characters. */
function shiftRanges<T>(value: T, by: number): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => shiftRanges(v, by)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = v as { start?: unknown; end?: unknown } | null;
    out[k] = k === 'range' && r && typeof r.start === 'number' ? { start: r.start + by, end: (r.end as number) + by } : shiftRanges(v, by);
  }
  return out as T;
}

function lintBody(text: string, options: LintOptions): LintResult {
  const ruleSet = options.ruleSet ?? loadRuleSet();
  const today = options.today ?? todayIso();
  // Refused before parsing: the parser and some checks are recursive or superlinear.
  const tooMuch = checkDocumentLimits(text, resolveLimits(options.limits));
  if (tooMuch) return refused(text, { ruleId: SYNTAX_RULE, range: tooMuch.range, message: tooMuch.message, messageKey: `limit:${tooMuch.limit}` });
  let doc: PolicyDocument;
  let ctx: CheckContext;
  try {
    doc = parseDocument(text, options.parseCache);
    ctx = createContext(doc, ruleSet, options.config, today, options.services, options.parseCache?.blocks);
  } catch (error) {
    return refused(text, {
      ruleId: SYNTAX_RULE,
      range: { start: 0, end: 0 },
      message: {
        sv: `Dokumentet kunde inte tolkas (internt fel: ${errorName(error)}); inget granskades`,
        en: `The document could not be parsed (internal error: ${errorName(error)}); nothing was checked`,
      },
      messageKey: 'internal',
    });
  }
  const findings: Finding[] = [];
  // Facts first: every governance rule is a predicate over them. A failure here is reported,
  // and the rules then see a document that states nothing (rather than no lint at all).
  try {
    ctx.facts = extractFacts(ctx);
  } catch (error) {
    ctx.facts = noFacts();
    findings.push({
      ruleId: SYNTAX_RULE,
      range: { start: doc.bodyStart, end: doc.bodyStart },
      messageKey: 'internal',
      message: {
        sv: `Dokumentets styrningsuppgifter kunde inte läsas (internt fel: ${errorName(error)})`,
        en: `The document's governance facts could not be read (internal error: ${errorName(error)})`,
      },
    });
  }
  const severities = new Map<string, Diagnostic['severity']>();

  for (const rule of ruleSet.rules.values()) {
    const setting = options.config?.rules.get(rule.id) ?? { severity: rule.severity, options: {} };
    if (setting.severity === 'off') continue;
    const check = CHECKS[rule.check.kind];
    severities.set(rule.id, setting.severity);
    ctx.options = setting.options;
    // One failing check reports itself and the others still run; a loop, not push(...found),
    // because hundreds of thousands of findings as arguments overflow the stack.
    let found: Finding[];
    try {
      found = check(rule, ctx);
    } catch (error) {
      found = [
        {
          ruleId: rule.id,
          range: { start: doc.bodyStart, end: doc.bodyStart },
          messageKey: 'internal',
          message: {
            sv: `Regeln ${rule.id} kunde inte granska dokumentet (internt fel: ${errorName(error)})`,
            en: `The rule ${rule.id} could not check the document (internal error: ${errorName(error)})`,
          },
        },
      ];
    }
    for (const finding of found) findings.push(finding);
  }

  if (doc.frontMatter?.error) {
    const fm = doc.frontMatter;
    findings.push({
      ruleId: SYNTAX_RULE,
      range: { start: fm.start, end: Math.min(fm.end, fm.start + 3) },
      message: { sv: `Front matter kan inte läsas: ${fm.error}`, en: `Front matter cannot be parsed: ${fm.error}` },
    });
    severities.set(SYNTAX_RULE, 'error');
  }
  const directives = parseDirectives(doc);
  for (const { directive, id } of unknownDirectiveIds(directives, new Set(ruleSet.rules.keys()))) {
    findings.push({ ruleId: SYNTAX_RULE, range: { start: directive.offset, end: directive.end }, message: { sv: `Okänd regel "${id}" i kommentaren`, en: `Unknown rule "${id}" in the comment` } });
    if (!severities.has(SYNTAX_RULE)) severities.set(SYNTAX_RULE, 'warning');
  }

  const used = options.reportUnusedDisableDirectives ? new Map<Directive, Set<string>>() : undefined;
  const kept = applyDirectives(doc, directives, findings, used);
  const unused: Diagnostic[] = used
    ? unusedDirectives(directives, used).map(({ directive, ids }) => ({
        ruleId: SYNTAX_RULE,
        range: { start: directive.offset, end: directive.end },
        severity: options.reportUnusedDisableDirectives!,
        sources: [],
        messageKey: 'unused-directive',
        message: ids.length
          ? { sv: `Kommentaren stänger av ${ids.join(', ')} men det fanns inget att stänga av`, en: `The comment disables ${ids.join(', ')} but there was nothing to disable` }
          : { sv: 'Kommentaren stänger av alla regler men det fanns inget att stänga av', en: 'The comment disables every rule but there was nothing to disable' },
      }))
    : [];
  const diagnostics: Diagnostic[] = [...kept.map(toDiagnostic), ...unused].sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { diagnostics, document: doc, documentType: ctx.documentType, facts: ctx.facts, title: ctx.title.text, sections: ctx.sections };

  // Built field by field: object rest/spread here was the slowest step on drafts with
  // thousands of OCR findings.
  function toDiagnostic(f: Finding): Diagnostic {
    const { sv, en, key } = f.message as Finding['message'] & { key?: string };
    const configured = severities.get(f.ruleId) ?? 'warning';
    const severity = f.severity && RANK[f.severity] < RANK[configured] ? f.severity : configured;
    const d: Diagnostic = { ruleId: f.ruleId, range: f.range, message: { sv, en }, severity, sources: ruleSet.rules.get(f.ruleId)?.sources ?? [] };
    const messageKey = key ?? f.messageKey;
    if (messageKey) d.messageKey = messageKey;
    if (f.fixes) d.fixes = f.fixes;
    if (f.data) d.data = f.data;
    return d;
  }
}

/** The error's kind and first line, for a finding (no stack: it is shown to users). */
function errorName(error: unknown): string {
  const e = error as Error | undefined;
  return `${e?.name ?? 'Error'}: ${String(e?.message ?? error)
    .split('\n')[0]!
    .slice(0, 120)}`;
}

/** A result for a text that was not parsed: the one finding that says why, as an error. */
function refused(text: string, finding: Finding): LintResult {
  const document: PolicyDocument = { text, lines: new LineIndex(text), blocks: [], sentences: [], headings: [], tables: [], comments: [], bodyStart: 0 };
  const diagnostic: Diagnostic = { ...finding, severity: 'error', sources: [] };
  return { diagnostics: [diagnostic], document, documentType: undefined, facts: noFacts(), title: '', sections: [] };
}
