import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeFacts, documentReadability, noFacts, findSections, LIX_LEVELS, patternsFor, sectionRequired, type GovernanceFacts, type LineIndex, type RuleDefinition, type RuleSet } from '../engine/index.js';
import { resolveSource, toLspRange } from './diagnostics.js';
import type { LintState } from './linter.js';
import type { ComplianceItem, ComplianceResult, ComplianceStatus } from './protocol.js';

/** Rules that ask for an element of the document (as opposed to wording or dates). */
const ELEMENT_KINDS = new Set(['adoption', 'statement', 'responsibility', 'section']);

/** The element a rule asks for, in the document's language: its section's title. */
function elementName(rule: RuleDefinition, ruleSet: RuleSet, lang: 'sv' | 'en'): string {
  const section = ruleSet.sections.find((s) => s.id === rule.section);
  if (section) return section.title[lang];
  // The one element rule without a section: the decision is stated in the head, not a section.
  return rule.check.kind === 'adoption' ? { sv: 'Beslut', en: 'Decision' }[lang] : rule.title[lang];
}

const STATE: Record<ComplianceStatus, { sv: string; en: string }> = {
  found: { sv: 'finns', en: 'found' },
  missing: { sv: 'saknas', en: 'missing' },
  incomplete: { sv: 'ofullständigt', en: 'incomplete' },
  optional: { sv: 'krävs inte', en: 'not required' },
  off: { sv: 'regeln avstängd', en: 'rule off' },
};

/** The facts a core rule reads, as lines ("Revideras: vart fjärde år, rad 43"). */
function factLines(ruleId: string, facts: GovernanceFacts, lines: LineIndex, lang: 'sv' | 'en'): string[] {
  const only: Record<string, Partial<GovernanceFacts>> = {
    adoption: { ...(facts.adoption ? { adoption: facts.adoption } : {}), ...(facts.status ? { status: facts.status } : {}) },
    'review-cycle': { review: facts.review },
    'responsible-body': { responsibilities: facts.responsibilities, ...(facts.owner ? { owner: facts.owner } : {}) },
    'follow-up': { followUp: facts.followUp },
  };
  const part = only[ruleId];
  return part ? describeFacts({ ...noFacts(), ...part }, lines, lang) : [];
}

function isRequiredSection(rule: RuleDefinition, options: Record<string, unknown>, type: string | undefined): boolean {
  return rule.check.kind !== 'section' || sectionRequired(rule.check, options, type);
}

/**
 * The checklist of "Visa efterlevnad": each element the rules ask for, found or missing, with
 * the clauses it comes from. Built from the lint result of the current version, so it
 * updates as the document does.
 */
export function compliance(doc: TextDocument, state: LintState, ruleSet: RuleSet): ComplianceResult {
  const lang = state.lang;
  const counts = { errors: 0, warnings: 0, infos: 0 };
  const result = state.result;
  for (const d of result?.diagnostics ?? []) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  const out: ComplianceResult = { uri: doc.uri, linted: result !== undefined, language: lang, items: [], counts };
  if (!result) return out;
  if (doc.uri.startsWith('file:') && !state.config?.file && !state.configError) out.canEnableHere = true;
  if (result.documentType) out.documentType = result.documentType;
  const lix = documentReadability(result.document).document;
  if (lix.words > 0) out.readability = `LIX ${Math.round(lix.lix)} (${LIX_LEVELS[lix.level][lang]})`;

  const order = ruleSet.sections.map((s) => s.id);
  const rules = [...ruleSet.rules.values()]
    .filter((r) => ELEMENT_KINDS.has(r.check.kind))
    .sort((a, b) => (a.section ? order.indexOf(a.section) : -1) - (b.section ? order.indexOf(b.section) : -1));
  const sections = findSections(result.document, ruleSet.sections, patternsFor(ruleSet));

  for (const rule of rules) {
    const setting = state.config?.rules.get(rule.id) ?? { severity: rule.severity, options: {} };
    const diagnostic = result.diagnostics.find((d) => d.ruleId === rule.id);
    let status: ComplianceStatus;
    if (setting.severity === 'off') status = 'off';
    else if (diagnostic) {
      status = diagnostic.messageKey === 'missing' ? 'missing' : 'incomplete';
    } else if (!isRequiredSection(rule, setting.options, result.documentType) && !sections.some((s) => s.id === rule.section)) status = 'optional';
    else status = 'found';

    const item: ComplianceItem = {
      ruleId: rule.id,
      title: rule.title[lang],
      element: elementName(rule, ruleSet, lang),
      state: STATE[status][lang],
      facts: factLines(rule.id, result.facts, result.document.lines, lang),
      status,
      sources: rule.sources.map((ref) => {
        const s = resolveSource(ruleSet, ref);
        return { municipality: s.municipality, document: s.title, quote: ref.quote, uri: s.uri ?? '' };
      }),
    };
    if (diagnostic) {
      item.message = diagnostic.message[lang];
      item.range = toLspRange(doc, diagnostic.range);
    } else {
      const section = rule.section ? sections.find((s) => s.id === rule.section) : undefined;
      if (section) item.range = toLspRange(doc, section.heading);
    }
    out.items.push(item);
  }
  return out;
}
