import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localRuleDocUri, ruleDocUrl, sourceClauseUri, type Diagnostic, type OffsetRange, type RuleSet, type Severity, type SourceRef } from '../engine/index.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

/** What an LSP diagnostic carries for code actions: enough to find the engine's finding again. */
export interface DiagnosticData {
  ruleId: string;
  /** Document version and index of the finding in that version's lint result. */
  version: number;
  index: number;
  /** The word for spelling and OCR findings (suggestions are computed on demand). */
  word?: string;
  fixable: boolean;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspRange(doc: TextDocument, range: OffsetRange): Range {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

const docLinks = new Map<string, string>();

/** The rule's documentation: the copy shipped beside rules/ when present, else the repository. */
export function ruleDocHref(ruleSet: RuleSet, ruleId: string): string {
  let href = docLinks.get(ruleId);
  if (!href) {
    const local = localRuleDocUri(ruleSet.directory, ruleId);
    href = existsSync(fileURLToPath(local)) ? local : ruleDocUrl(ruleId);
    docLinks.set(ruleId, href);
  }
  return href;
}

export interface ResolvedSource {
  ref: SourceRef;
  municipality: string;
  title: string;
  section?: string;
  /** The clause in the bundled source document (file URI with #L<line>), when found. */
  uri?: string;
  line?: number;
  adoption?: string;
}

/** A source reference with its document's data and a link to the clause. */
export function resolveSource(ruleSet: RuleSet, ref: SourceRef): ResolvedSource {
  const doc = ruleSet.sources.get(ref.document);
  if (!doc) return { ref, municipality: ref.document, title: '' };
  const clause = doc.clauses.get(ref.clause);
  const line = clause?.line ?? 1;
  const adoption = [doc.adoptedBy, doc.adopted, doc.paragraph].filter(Boolean).join(' ');
  const out: ResolvedSource = { ref, municipality: doc.municipality, title: doc.title, uri: sourceClauseUri(doc.file, line), line };
  if (clause?.section) out.section = clause.section;
  if (adoption) out.adoption = adoption;
  return out;
}

export function relatedInformation(ruleSet: RuleSet, sources: readonly SourceRef[]): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const ref of sources) {
    const s = resolveSource(ruleSet, ref);
    const doc = ruleSet.sources.get(ref.document);
    if (!doc) continue;
    const line = Math.max(0, (s.line ?? 1) - 1);
    out.push({
      // The location is the file itself; editors add the line from the range.
      location: { uri: s.uri!.replace(/#.*$/, ''), range: { start: { line, character: 0 }, end: { line, character: 0 } } },
      message: `${s.municipality}, ${s.title}${s.section ? ` (${s.section})` : ''}: ”${ref.quote}”`,
    });
  }
  return out;
}

/** Each source's quote in lower case, once per source (a scanned draft has thousands of word findings). */
const lowerQuotes = new WeakMap<SourceRef, string>();
function lowerQuote(s: SourceRef): string {
  let quote = lowerQuotes.get(s);
  if (quote === undefined) lowerQuotes.set(s, (quote = s.quote.toLocaleLowerCase('sv')));
  return quote;
}

/**
 * The one clause that best supports a finding, for the Problems panel (the hover shows them
 * all): for a finding about a word, the clause that quotes that word, or none; else the
 * rule's first source, which rule authors list first because it says it best.
 */
export function bestSource(d: Diagnostic): SourceRef | undefined {
  const word = d.data?.found ?? d.data?.word;
  if (typeof word === 'string') {
    if (d.sources.length === 0) return undefined;
    const lower = word.toLocaleLowerCase('sv');
    return d.sources.find((s) => lowerQuote(s).includes(lower));
  }
  return d.sources[0];
}

/** The related information of a diagnostic whose best source is `ref`: built once per source. */
const relatedBySource = new WeakMap<RuleSet, Map<SourceRef, DiagnosticRelatedInformation[]>>();
function relatedFor(ruleSet: RuleSet, ref: SourceRef): DiagnosticRelatedInformation[] {
  let bySource = relatedBySource.get(ruleSet);
  if (!bySource) relatedBySource.set(ruleSet, (bySource = new Map<SourceRef, DiagnosticRelatedInformation[]>()));
  let related = bySource.get(ref);
  if (!related) bySource.set(ref, (related = relatedInformation(ruleSet, [ref])));
  // A copy per diagnostic: the list is the diagnostic's own, as it was before this cache.
  return related.length ? related.map((r) => ({ location: r.location, message: r.message })) : related;
}

/** Converts the engine's diagnostics for one document version to LSP diagnostics. */
export function toLspDiagnostics(doc: TextDocument, diagnostics: readonly Diagnostic[], ruleSet: RuleSet, lang: 'sv' | 'en', maxProblems = 0): LspDiagnostic[] {
  const shown = findingsToShow(diagnostics, maxProblems);
  if (!shown) return diagnostics.map((d, index) => toLspDiagnostic(doc, d, index, ruleSet, lang));
  const out = shown.map((index) => toLspDiagnostic(doc, diagnostics[index]!, index, ruleSet, lang));
  out.push(limitNotice(diagnostics.length, shown.length, lang));
  return out;
}

function toLspDiagnostic(doc: TextDocument, d: Diagnostic, index: number, ruleSet: RuleSet, lang: 'sv' | 'en'): LspDiagnostic {
  const data: DiagnosticData = { ruleId: d.ruleId, version: doc.version, index, fixable: (d.fixes?.length ?? 0) > 0 };
  const word = d.data?.word;
  if (typeof word === 'string') data.word = word;
  const out: LspDiagnostic = {
    range: toLspRange(doc, d.range),
    severity: SEVERITY[d.severity],
    source: DIAGNOSTIC_SOURCE,
    code: d.ruleId,
    message: d.message[lang],
    data,
  };
  if (ruleSet.rules.has(d.ruleId)) out.codeDescription = { href: ruleDocHref(ruleSet, d.ruleId) };
  const best = bestSource(d);
  const related = best ? relatedFor(ruleSet, best) : [];
  if (related.length) out.relatedInformation = related;
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The indices of the findings to send when there are more than `max` (0: no limit): errors
 * first, then warnings, then information, each in document order, which is what VS Code
 * keeps of a longer list; returned in the findings' own order. Undefined when all fit.
 */
export function findingsToShow(diagnostics: readonly Diagnostic[], max: number): number[] | undefined {
  if (max <= 0 || diagnostics.length <= max) return undefined;
  const perRank = [0, 0, 0];
  for (const d of diagnostics) perRank[SEVERITY_RANK[d.severity]]!++;
  // Every finding ranked above `cut` fits; of rank `cut`, the first `room`.
  let cut = 0;
  let room = max;
  while (perRank[cut]! <= room) room -= perRank[cut++]!;
  const shown: number[] = [];
  diagnostics.forEach((d, index) => {
    const rank = SEVERITY_RANK[d.severity];
    if (rank < cut || (rank === cut && room-- > 0)) shown.push(index);
  });
  return shown;
}

/** Says, at the top of the document, that `all - shown` findings were not sent, and where to see them. */
function limitNotice(all: number, shown: number, lang: 'sv' | 'en'): LspDiagnostic {
  const count = (n: number): string => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');
  const message =
    lang === 'sv'
      ? `Visar ${count(shown)} av ${count(all)} problem i filen: fel först, sedan varningar och info. Alla syns med "policylint <fil>" i terminalen; inställningen policylint.maxNumberOfProblems styr gränsen (VS Code visar högst 1\u00a0000 per fil).`
      : `Showing ${count(shown)} of ${count(all)} problems in this file: errors first, then warnings and information. Run "policylint <file>" in a terminal to see them all; the setting policylint.maxNumberOfProblems sets the limit (VS Code shows at most 1,000 per file).`;
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: 'max-problems', message };
}
