import type { RuleDefinition, RuleSet, SectionDefinition } from './rules/model.js';
import { patternsFor } from './lint.js';
import { snippetToText } from './checks/placement.js';

/**
 * Snippets and templates built from rules/ (sections.yml, bodies, intervals, document types):
 * the server's completion, the "new policy" template and the VS Code snippets file all come
 * from here, so they never drift from the rules. Editors only adapt them.
 */

export interface SnippetDefinition {
  /** Stable id: `section.<id>`, `metadata.frontMatter`, `metadata.table`. */
  id: string;
  label: string;
  /** Words a user types to get it (VS Code snippet prefixes). */
  prefixes: string[];
  description: { sv: string; en: string };
  /** LSP / VS Code snippet syntax. */
  body: string;
}

/** The document types of rules/vocabulary/document-types.yml, in their order. */
export function documentTypeIds(ruleSet: RuleSet): string[] {
  return ruleSet.documentTypes.types.map((t) => t.id);
}

/** Escapes text for use inside a snippet choice (`,` `|` `}` `$` `\`). */
export function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** Escapes text for use as plain snippet text or placeholder default. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * A readable phrase from a policylint phrase pattern: the first alternative of each word,
 * optional `[words]` left out ("vart|var|varje fjärde år" → "vart fjärde år").
 * Returns undefined for patterns with wildcards or vocabulary references.
 */
export function phraseOf(pattern: string): string | undefined {
  const withoutOptional = pattern.replace(/\[[^\]]*\]/g, ' ');
  if (/[*{}]|\.\.\./.test(withoutOptional)) return undefined;
  const words = withoutOptional
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.split('|')[0]!);
  const phrase = words.join(' ').trim();
  return phrase || undefined;
}

function unique(values: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.includes(v)) out.push(v);
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}

/** Every choice list (`${n|a,b|}`) in the section snippets of sections.yml. */
export function snippetChoiceLists(ruleSet: RuleSet, sectionId?: string): string[][] {
  const lists: string[][] = [];
  for (const section of ruleSet.sections) {
    if (sectionId && section.id !== sectionId) continue;
    for (const m of section.snippet.matchAll(/\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/g)) {
      lists.push(m[1]!.split(/(?<!\\),/).map((v) => v.replace(/\\(.)/g, '$1')));
    }
  }
  return lists;
}

function matchesWhole(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m !== null && m.index === 0 && m[0].length === text.length;
}

/**
 * Choice lists drawn from the source documents' wording as sections.yml words it, checked
 * against the vocabulary the rules use (so every choice satisfies the rules), with the
 * vocabulary itself as the fallback.
 */
export function vocabularyChoices(ruleSet: RuleSet): { adoptingBodies: string[]; owners: string[]; intervals: string[]; frequencies: string[] } {
  const patterns = patternsFor(ruleSet);
  const intervalRe = patterns.get(ruleSet.intervals.intervals.map((i) => i.pattern));
  const frequencyRe = patterns.get(ruleSet.intervals.frequencies);
  const bodyRe = patterns.get(ruleSet.bodies.known.flatMap((b) => b.patterns));
  // The section of the rule that reads a metadata key or checks responsibility, e.g. revidering.
  const sectionOf = (test: (r: RuleDefinition) => boolean): string | undefined => [...ruleSet.rules.values()].find((r) => r.section && test(r))?.section;
  // A bracketed choice ("[hur ofta]") is the placeholder the official replaces, not a value.
  const values = (list: string[]): string[] => list.filter((v) => !/^\[.*\]$/.test(v));
  const find = (re: RegExp, sectionId?: string): string[] | undefined =>
    (sectionId ? snippetChoiceLists(ruleSet, sectionId) : [])
      .concat(snippetChoiceLists(ruleSet))
      .map(values)
      .find((l) => l.length > 1 && l.every((v) => matchesWhole(re, v)));
  const reviewSection = sectionOf((r) => r.check.kind === 'statement' && (r.check.metadata ?? []).includes('revideras'));
  const ownerSection = sectionOf((r) => r.check.kind === 'responsibility');

  const known = ruleSet.bodies.known.map((b) => b.name);
  const adoptingBodies = known.filter((n) => /fullmäktige|styrelse/.test(n) && !/^region/.test(n));
  const owners = find(bodyRe, ownerSection) ?? adoptingBodies.map(capitalize);
  const intervals = find(intervalRe, reviewSection) ?? unique(ruleSet.intervals.intervals.filter((i) => i.years > 1).map((i) => phraseOf(i.pattern)));
  const frequencies = find(frequencyRe) ?? unique(ruleSet.intervals.frequencies.map(phraseOf));
  return { adoptingBodies, owners, intervals, frequencies };
}

function choice(n: number, values: readonly string[]): string {
  return values.length ? `\${${n}|${values.map(escapeChoice).join(',')}|}` : `\${${n}}`;
}

/** Renumbers a snippet's tab stops by `offset` ($0 stays the final stop). */
export function renumber(snippet: string, offset: number): { body: string; max: number } {
  let max = 0;
  const body = snippet.replace(/(\\.)|\$\{(\d+)|\$(\d+)/g, (whole, escaped: string | undefined, braced: string | undefined, bare: string | undefined) => {
    if (escaped) return whole;
    const n = Number(braced ?? bare);
    if (n === 0) return whole;
    max = Math.max(max, n + offset);
    return braced !== undefined ? `\${${n + offset}` : `$${n + offset}`;
  });
  return { body, max };
}

export function sectionSnippets(ruleSet: RuleSet): SnippetDefinition[] {
  return ruleSet.sections.map((s) => sectionSnippet(s, ruleSet));
}

function sectionSnippet(section: SectionDefinition, ruleSet: RuleSet): SnippetDefinition {
  const rules = [...ruleSet.rules.values()].filter((r) => r.section === section.id);
  const prefixes = unique([section.title.sv.toLocaleLowerCase('sv'), section.id, ...section.headings.map(phraseOf)].map((p) => p?.replace(/\s+/g, '-')));
  return {
    id: `section.${section.id}`,
    label: `## ${section.title.sv}`,
    prefixes: prefixes.map((p) => `pl-${p}`),
    description: {
      sv: `Avsnittet "${section.title.sv}"${rules.length ? ` (krävs av ${rules.map((r) => r.id).join(', ')})` : ''}`,
      en: `The "${section.title.en}" section${rules.length ? ` (required by ${rules.map((r) => r.id).join(', ')})` : ''}`,
    },
    body: section.snippet.trimEnd() + '\n',
  };
}

const METADATA_LABELS: [key: string, label: string][] = [
  ['status', 'Status'],
  ['typ', 'Typ av styrdokument'],
  ['beslutad-av', 'Beslutad av'],
  ['beslutad', 'Beslutad'],
  ['paragraf', 'Paragraf'],
  ['diarienummer', 'Diarienummer'],
  ['giltig-till', 'Giltig till'],
  ['revideras', 'Revideras'],
  ['dokumentansvarig', 'Dokumentansvarig'],
];

function metadataValues(ruleSet: RuleSet, first: number, type?: string): { values: Record<string, string>; next: number } {
  const v = vocabularyChoices(ruleSet);
  let n = first;
  const values: Record<string, string> = {
    // A new draft is a draft: it names the body that will decide; the date and § come with
    // the decision and stay placeholders until then (the placeholder rule reports them).
    status: 'utkast',
    typ: type ? escapeSnippetText(type) : choice(n++, documentTypeIds(ruleSet)),
    'beslutad-av': choice(n++, v.adoptingBodies),
    beslutad: `\${${n++}:ÅÅÅÅ-MM-DD}`,
    paragraf: `§ \${${n++}:nn}`,
    diarienummer: `\${${n++}:KS ÅÅÅÅ/nnn}`,
    'giltig-till': `\${${n++}:ÅÅÅÅ-MM-DD}`,
    revideras: choice(n++, ['[hur ofta]', ...v.intervals]),
    dokumentansvarig: choice(n++, ['[vem]', ...v.owners.map((o) => o.toLocaleLowerCase('sv'))]),
  };
  return { values, next: n };
}

/** The metadata block as YAML front matter (the keys the engine reads). */
export function metadataFrontMatter(ruleSet: RuleSet, options: { first?: number; type?: string } = {}): { body: string; next: number } {
  const { values, next } = metadataValues(ruleSet, options.first ?? 1, options.type);
  // Quoted where a value may start with "[" or "§", which YAML would read as syntax.
  const quoted = new Set(['paragraf', 'revideras', 'dokumentansvarig']);
  const lines = METADATA_LABELS.map(([key]) => `${key}: ${quoted.has(key) ? `"${values[key]}"` : values[key]}`);
  return { body: `---\n${lines.join('\n')}\n---\n`, next };
}

/** The metadata block as a two-column table, as many municipalities print it. */
export function metadataTable(ruleSet: RuleSet, options: { first?: number } = {}): { body: string; next: number } {
  const { values, next } = metadataValues(ruleSet, options.first ?? 1);
  const rows = METADATA_LABELS.map(([key, label]) => `| ${label} | ${values[key]} |`);
  return { body: `| Uppgift | Värde |\n| --- | --- |\n${rows.join('\n')}\n`, next };
}

export function metadataSnippets(ruleSet: RuleSet): SnippetDefinition[] {
  return [
    {
      id: 'metadata.frontMatter',
      label: 'Metadata (front matter)',
      prefixes: ['pl-metadata', 'pl-front-matter', 'pl-frontmatter'],
      description: { sv: 'Dokumentets metadata som front matter: typ, beslutad av, datum, §, diarienummer, giltighet, revidering, ansvar', en: 'Document metadata as front matter' },
      body: metadataFrontMatter(ruleSet).body,
    },
    {
      id: 'metadata.table',
      label: 'Metadata (tabell)',
      prefixes: ['pl-metadata-tabell', 'pl-metadata-table'],
      description: { sv: 'Dokumentets metadata som tabell (Beslutad av | Kommunfullmäktige …)', en: 'Document metadata as a table' },
      body: metadataTable(ruleSet).body,
    },
  ];
}

/** Every snippet: the metadata block first, then the sections in document order. */
const snippetsByRuleSet = new WeakMap<RuleSet, SnippetDefinition[]>();

/** Every snippet, built once per rule set: completion asks for them on each trigger character. */
export function allSnippets(ruleSet: RuleSet): SnippetDefinition[] {
  let snippets = snippetsByRuleSet.get(ruleSet);
  if (!snippets) snippetsByRuleSet.set(ruleSet, (snippets = [...metadataSnippets(ruleSet), ...sectionSnippets(ruleSet)]));
  return snippets;
}

/** A section snippet for one document type: choices between the types' names become its own
 *  ("Syftet med ${1|policyn,strategin|}" becomes "Syftet med strategin"). */
function forType(snippet: string, type: string, ruleSet: RuleSet): string {
  const definite = ruleSet.documentTypes.types.find((t) => t.id === type)?.definite;
  const own = definite ? [definite, capitalize(definite)] : [];
  return snippet.replace(/\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/g, (whole, list: string) => list.split(',').find((v) => own.includes(v)) ?? whole);
}

/**
 * A new draft: metadata as front matter, a title, and every section of sections.yml in
 * order, with tab stops numbered through the whole document.
 */
export function documentTemplate(ruleSet: RuleSet, type: string, title?: string): { snippet: string; text: string } {
  const fm = metadataFrontMatter(ruleSet, { type });
  let next = fm.next;
  const types = ruleSet.documentTypes.types;
  const defaultTitle = (types.find((t) => t.id === type) ?? types[0])?.title ?? '';
  const parts = [fm.body, `# \${${next++}:${escapeSnippetText(title ?? defaultTitle)}}\n`];
  for (const section of ruleSet.sections) {
    const r = renumber(forType(section.snippet.trimEnd(), type, ruleSet), next - 1);
    parts.push(`${r.body}\n`);
    next = Math.max(next, r.max + 1);
  }
  const snippet = parts.join('\n') + '$0';
  return { snippet, text: snippetToText(snippet).replace(/\\([\\$}|,])/g, '$1') };
}
