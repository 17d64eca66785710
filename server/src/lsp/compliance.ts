import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complianceReport, type RuleSet } from '../engine/index.js';
import { resolveSource, toLspRange } from './diagnostics.js';
import type { LintState } from './linter.js';
import type { ComplianceItem, ComplianceResult } from './protocol.js';

/**
 * The checklist of "Visa efterlevnad", built by the engine (engine/compliance.ts) from the
 * lint result of the current version; here only its ranges and sources become LSP's.
 */
export function compliance(doc: TextDocument, state: LintState, ruleSet: RuleSet): ComplianceResult {
  const lang = state.lang;
  const result = state.result;
  if (!result) return { uri: doc.uri, linted: false, language: lang, items: [], counts: { errors: 0, warnings: 0, infos: 0 } };
  const report = complianceReport(result, ruleSet, state.config, lang);
  const out: ComplianceResult = { uri: doc.uri, linted: true, language: lang, items: [], counts: report.counts };
  if (doc.uri.startsWith('file:') && !state.config?.file && !state.configError) out.canEnableHere = true;
  if (report.documentType) out.documentType = report.documentType;
  if (report.readability) out.readability = report.readability;
  for (const entry of report.entries) {
    const item: ComplianceItem = {
      ruleId: entry.rule.id,
      title: entry.rule.title[lang],
      element: entry.element[lang],
      state: entry.state[lang],
      facts: entry.facts,
      status: entry.status,
      sources: entry.rule.sources.map((ref) => {
        const s = resolveSource(ruleSet, ref);
        return { municipality: s.municipality, document: s.title, quote: ref.quote, uri: s.uri ?? '' };
      }),
    };
    if (entry.diagnostic) item.message = entry.diagnostic.message[lang];
    if (entry.range) item.range = toLspRange(doc, entry.range);
    out.items.push(item);
  }
  return out;
}
