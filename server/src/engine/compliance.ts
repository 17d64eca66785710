import type { LintResult } from './lint.js';
import type { RuleDefinition, RuleSet } from './rules/model.js';
import type { ResolvedConfig } from './config/model.js';
import type { Bilingual, Diagnostic, Language, OffsetRange } from './types.js';
import { isRequired } from './checks/section.js';
import { describeFacts } from './facts/display.js';
import { noFacts, type GovernanceFacts } from './facts/model.js';
import { documentReadability, LIX_LEVELS } from './analysis/readability.js';
import type { LineIndex } from './text/lineIndex.js';

/**
 * The compliance checklist ("Visa efterlevnad"): each element the rules ask for, found or
 * missing, from one lint result. Front ends (the language server, a report) adapt it: they
 * turn offsets into their positions and sources into links.
 */

export type ComplianceStatus = 'found' | 'missing' | 'incomplete' | 'optional' | 'off';

export interface ComplianceEntry {
  rule: RuleDefinition;
  status: ComplianceStatus;
  /** The element the rule asks for ("Syfte", "Beslut"). */
  element: Bilingual;
  /** The status in words ("finns", "saknas"). */
  state: Bilingual;
  /** What the document says about it, one line per fact, in the requested language. */
  facts: string[];
  /** The rule's first finding, when there is one. */
  diagnostic?: Diagnostic;
  /** Where the finding points, or the element's section heading when found. */
  range?: OffsetRange;
}

export interface ComplianceReport {
  documentType?: string;
  /** "LIX 52 (svår)", when the document has running text. */
  readability?: string;
  counts: { errors: number; warnings: number; infos: number };
  entries: ComplianceEntry[];
}

/** Rules that ask for an element of the document (as opposed to wording or dates). */
const ELEMENT_KINDS = new Set(['adoption', 'statement', 'responsibility', 'section']);

export const COMPLIANCE_STATE: Record<ComplianceStatus, Bilingual> = {
  found: { sv: 'finns', en: 'found' },
  missing: { sv: 'saknas', en: 'missing' },
  incomplete: { sv: 'ofullständigt', en: 'incomplete' },
  optional: { sv: 'krävs inte', en: 'not required' },
  off: { sv: 'regeln avstängd', en: 'rule off' },
};

/**
 * The element a rule asks for: its section's title, up to " och " / " and " ("Uppföljning och
 * utvärdering" → "Uppföljning"), so that "Uppföljning: saknar mottagare" fits the editor's
 * default sidebar; the full title is in the finding and the hover.
 */
function elementName(rule: RuleDefinition, ruleSet: RuleSet): Bilingual {
  const section = ruleSet.sections.find((s) => s.id === rule.section);
  if (section) return { sv: section.title.sv.split(' och ')[0]!, en: section.title.en.split(' and ')[0]! };
  // The one element rule without a section: the decision is stated in the head, not a section.
  return rule.check.kind === 'adoption' ? { sv: 'Beslut', en: 'Decision' } : rule.title;
}

/** The facts a core rule reads, as lines ("Revideras: vart fjärde år, rad 43"). */
function factLines(ruleId: string, facts: GovernanceFacts, lines: LineIndex, lang: Language): string[] {
  const only: Record<string, Partial<GovernanceFacts>> = {
    adoption: { ...(facts.adoption ? { adoption: facts.adoption } : {}), ...(facts.status ? { status: facts.status } : {}) },
    'review-cycle': { review: facts.review },
    'responsible-body': { responsibilities: facts.responsibilities, ...(facts.owner ? { owner: facts.owner } : {}) },
    'follow-up': { followUp: facts.followUp },
  };
  const part = only[ruleId];
  return part ? describeFacts({ ...noFacts(), ...part }, lines, lang) : [];
}

export function complianceReport(result: LintResult, ruleSet: RuleSet, config: ResolvedConfig | undefined, lang: Language): ComplianceReport {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of result.diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  const report: ComplianceReport = { counts, entries: [] };
  if (result.documentType) report.documentType = result.documentType;
  const lix = documentReadability(result.document).document;
  if (lix.words > 0) report.readability = `LIX ${Math.round(lix.lix)} (${LIX_LEVELS[lix.level][lang]})`;

  const order = ruleSet.sections.map((s) => s.id);
  const rules = [...ruleSet.rules.values()].filter((r) => ELEMENT_KINDS.has(r.check.kind)).sort((a, b) => (a.section ? order.indexOf(a.section) : -1) - (b.section ? order.indexOf(b.section) : -1));
  const sections = result.sections;

  for (const rule of rules) {
    const setting = config?.rules.get(rule.id) ?? { severity: rule.severity, options: {} };
    const diagnostic = result.diagnostics.find((d) => d.ruleId === rule.id);
    const section = rule.section ? sections.find((s) => s.id === rule.section) : undefined;
    const required = rule.check.kind !== 'section' || isRequired(rule.check, setting.options, result.documentType);
    let status: ComplianceStatus;
    if (setting.severity === 'off') status = 'off';
    else if (diagnostic) status = diagnostic.messageKey === 'missing' ? 'missing' : 'incomplete';
    else if (!required && !section) status = 'optional';
    else status = 'found';
    const entry: ComplianceEntry = { rule, status, element: elementName(rule, ruleSet), state: COMPLIANCE_STATE[status], facts: factLines(rule.id, result.facts, result.document.lines, lang) };
    if (diagnostic) {
      entry.diagnostic = diagnostic;
      entry.range = diagnostic.range;
    } else if (section) entry.range = { start: section.heading.start, end: section.heading.end };
    report.entries.push(entry);
  }
  return report;
}
