import type { Hover, Position } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeFacts, documentReadability, LIX_LEVELS, patternsFor, type Diagnostic, type LixScore, type RuleSet } from '../engine/index.js';
import { resolveSource, ruleDocHref, toLspRange } from './diagnostics.js';
import type { LintState } from './linter.js';
import { sourceSections } from './sourceSections.js';

/** Escapes Markdown in text from documents (quotes, names). */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

const T = {
  sources: { sv: 'Källor', en: 'Sources' },
  open: { sv: 'Öppna källan', en: 'Open the source' },
  rule: { sv: 'Regel', en: 'Rule' },
  adopted: { sv: 'antagen av', en: 'adopted by' },
  suggestions: { sv: 'Förslag', en: 'Suggestions' },
  sectionIntro: { sv: 'Så skriver källdokumenten i avsnittet', en: 'What the source documents say in the section' },
  body: { sv: 'Organ', en: 'Body' },
  governance: { sv: 'Vad dokumentet säger om sin styrning', en: 'What the document says about its governance' },
  readability: { sv: 'Läsbarhet', en: 'Readability' },
  section: { sv: 'avsnittet', en: 'the section' },
  document: { sv: 'hela dokumentet', en: 'the whole document' },
  noFacts: { sv: 'Dokumentet säger ingenting om beslut, revidering, ansvar eller uppföljning.', en: 'The document says nothing about its adoption, revision, responsibility or follow-up.' },
} as const;

/**
 * The hover for the findings of one rule at a position: rule, each distinct message once,
 * rationale and the quoted source clauses once.
 */
export function diagnosticHover(ruleSet: RuleSet, findings: readonly Diagnostic[], lang: 'sv' | 'en', suggestions?: string[]): string {
  const d = findings[0]!;
  const rule = ruleSet.rules.get(d.ruleId);
  const parts: string[] = [];
  const title = rule ? rule.title[lang] : d.ruleId;
  const link = rule ? ` ([${T.rule[lang].toLowerCase()} \`${d.ruleId}\`](${ruleDocHref(ruleSet, d.ruleId)}))` : ` (\`${d.ruleId}\`)`;
  parts.push(`**${md(title)}**${link}`);
  for (const text of new Set(findings.map((f) => f.message[lang]))) parts.push(md(text));
  if (suggestions?.length) parts.push(`${T.suggestions[lang]}: ${suggestions.map((s) => `\`${s}\``).join(', ')}`);
  if (rule?.rationale[lang]) parts.push(md(rule.rationale[lang].trim()));
  if (d.sources.length) {
    const lines = [`**${T.sources[lang]}**`];
    for (const ref of d.sources) {
      const s = resolveSource(ruleSet, ref);
      const meta = [`${md(s.municipality)}, *${md(s.title)}*`];
      if (s.section) meta.push(md(s.section));
      if (s.adoption) meta.push(`${T.adopted[lang]} ${md(s.adoption)}`);
      lines.push('', `> ${md(ref.quote)}`, '', `— ${meta.join(' · ')}${s.uri ? ` · [${T.open[lang]}](${s.uri})` : ''}`);
    }
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

/** The hover for a heading that matches a known section: what the source documents say there. */
export function sectionHover(ruleSet: RuleSet, sectionId: string, lang: 'sv' | 'en'): string | undefined {
  const def = ruleSet.sections.find((s) => s.id === sectionId);
  const found = sourceSections(ruleSet).get(sectionId);
  if (!def || !found?.length) return undefined;
  const lines = [`**${md(def.title[lang])}** — ${T.sectionIntro[lang]} "${md(def.title.sv)}":`];
  for (const s of found) {
    lines.push('', `**${md(s.source.municipality)}**, *${md(s.source.title)}* — ${md(s.heading)} ([${T.open[lang]}](${s.uri}))`, '', `> ${md(s.excerpt)}`);
  }
  return lines.join('\n');
}

/** A body name under the position, with what it is. */
export function bodyAt(ruleSet: RuleSet, lineText: string, character: number): { name: string; sv: string; en: string; start: number; end: number } | undefined {
  const patterns = patternsFor(ruleSet);
  for (const body of ruleSet.bodies.known) {
    const re = patterns.get(body.patterns);
    re.lastIndex = 0;
    for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m.index <= character && character <= m.index + m[0].length) {
        re.lastIndex = 0;
        return { name: body.name, sv: body.sv, en: body.en, start: m.index, end: m.index + m[0].length };
      }
    }
    re.lastIndex = 0;
  }
  return undefined;
}

function governanceHover(result: NonNullable<LintState['result']>, lang: 'sv' | 'en'): string {
  const lines = describeFacts(result.facts, result.document.lines, lang);
  const lix = documentReadability(result.document).document;
  return `**${T.governance[lang]}**\n\n${lines.length ? lines.map((l) => `- ${md(l)}`).join('\n') : T.noFacts[lang]}\n\n${T.readability[lang]} (${T.document[lang]}): ${lixText(lix, lang)}`;
}

/** "LIX 52 (svår)": the score on the Swedish readability scale, in words. */
function lixText(score: LixScore, lang: 'sv' | 'en'): string {
  return `LIX ${Math.round(score.lix)} (${LIX_LEVELS[score.level][lang]})`;
}

export interface HoverDeps {
  /** Spelling suggestions for a word, computed on demand (undefined without services). */
  suggest?: (word: string) => string[];
}

export function hover(doc: TextDocument, state: LintState, ruleSet: RuleSet, position: Position, deps: HoverDeps = {}): Hover | null {
  const result = state.result;
  if (!result) return null;
  const offset = doc.offsetAt(position);
  const lang = state.lang;

  // On the title: what the document says about its own governance, fact by fact with its line
  // (after any findings there, which are usually about what it does not say).
  const title = result.document.headings[0];
  const onTitle = title !== undefined && title.depth === 1 && title.start <= offset && offset <= title.end;
  const governance = onTitle ? governanceHover(result, lang) : undefined;

  const hits = result.diagnostics.filter((d) => d.range.start <= offset && offset <= d.range.end);
  if (hits.length) {
    // One block per rule: four responsible-body findings on a line quote their sources once.
    const byRule = new Map<string, Diagnostic[]>();
    for (const d of hits) byRule.set(d.ruleId, [...(byRule.get(d.ruleId) ?? []), d]);
    const value = [...byRule.values()]
      .map((findings) => {
        const word = findings.map((d) => d.data?.word).find((w): w is string => typeof w === 'string');
        const suggestions = word && deps.suggest ? deps.suggest(word) : undefined;
        return diagnosticHover(ruleSet, findings, lang, suggestions);
      })
      .concat(governance ? [governance] : [])
      .join('\n\n---\n\n');
    const first = hits[0]!;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(doc, first.range) };
  }

  const heading = result.document.headings.find((h) => h.start <= offset && offset <= h.end);
  if (governance) return { contents: { kind: MarkupKind.Markdown, value: governance }, range: toLspRange(doc, heading!) };
  if (heading) {
    const section = result.sections.find((s) => s.heading.start === heading.start);
    const sectionLix = documentReadability(result.document).sections.find((s) => s.heading.start === heading.start);
    const readability = sectionLix && sectionLix.words > 0 ? `${T.readability[lang]} (${T.section[lang]}): ${lixText(sectionLix, lang)}` : undefined;
    const known = section?.id ? sectionHover(ruleSet, section.id, lang) : undefined;
    const value = [known, readability].filter(Boolean).join('\n\n');
    if (value) return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(doc, heading) };
  }

  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const lineText = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const body = bodyAt(ruleSet, lineText, position.character);
  if (body) {
    const value = `**${md(body.name)}** (${T.body[lang].toLowerCase()})\n\n${md(body[lang])}`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(doc, { start: lineStart + body.start, end: lineStart + body.end }) };
  }
  return null;
}
