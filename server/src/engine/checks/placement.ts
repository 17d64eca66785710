import type { CheckContext } from './context.js';
import type { RuleDefinition } from '../rules/model.js';
import type { Fix, OffsetRange } from '../types.js';
import { format } from './context.js';

/** Where a "missing" diagnostic points: the section it belongs in if present, else the title. */
export function missingRange(rule: RuleDefinition, ctx: CheckContext): OffsetRange {
  const section = rule.section ? ctx.sections.find((s) => s.id === rule.section) : undefined;
  if (section) return { start: section.heading.start, end: section.heading.end };
  return { start: ctx.title.start, end: ctx.title.end };
}

/**
 * Where a missing section belongs: before the first present section that comes later in
 * sections.yml's order, else at the end of the document.
 */
export function insertionOffset(sectionId: string, ctx: CheckContext): number {
  const order = ctx.ruleSet.sections.map((s) => s.id);
  const rank = order.indexOf(sectionId);
  const later = ctx.sections.find((s) => s.id !== undefined && s.heading.depth <= 2 && order.indexOf(s.id) > rank);
  return later ? later.heading.start : ctx.doc.text.length;
}

/** An LSP snippet as plain text: date variables as today, the first choice or the placeholder's default. */
export function snippetToText(snippet: string, now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const variables: Record<string, string> = { CURRENT_YEAR: String(now.getFullYear()), CURRENT_MONTH: pad(now.getMonth() + 1), CURRENT_DATE: pad(now.getDate()) };
  return snippet
    .replace(/\$\{(CURRENT_YEAR|CURRENT_MONTH|CURRENT_DATE)\}/g, (_m, name: string) => variables[name]!)
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** A fix that inserts the rule's section, with blank lines that keep Markdown blocks apart. */
export function insertSectionFix(rule: RuleDefinition, ctx: CheckContext): Fix | undefined {
  const def = rule.section ? ctx.ruleSet.sections.find((s) => s.id === rule.section) : undefined;
  if (!def) return undefined;
  const offset = insertionOffset(def.id, ctx);
  const text = ctx.doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = def.snippet.trimEnd().replace(/\n/g, eol);
  const before = text.slice(0, offset);
  const atEnd = offset >= text.length;
  let lead = '';
  if (before.length > 0) {
    if (!before.endsWith('\n') && !before.endsWith('\r')) lead = eol + eol;
    else if (!/(\r?\n|\r)\s*(\r?\n|\r)$/.test(before)) lead = eol;
  }
  const trail = atEnd ? eol : eol + eol;
  return {
    title: format({ sv: 'Infoga avsnittet "{title}"', en: 'Insert the section "{title}"' }, { title: def.title.sv }),
    edits: [{ start: offset, end: offset, text: lead + snippetToText(body) + trail }],
    safe: false,
    snippet: { section: def.id, offset, body: lead + body + trail },
  };
}
