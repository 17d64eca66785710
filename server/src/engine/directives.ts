import type { PolicyDocument } from './document/parse.js';
import type { Finding } from './types.js';

/**
 * Inline configuration comments, as in ESLint and markdownlint:
 *   <!-- policylint-disable [ids] -->            from here on (all rules without ids)
 *   <!-- policylint-enable [ids] -->             back on
 *   <!-- policylint-disable-next-line [ids] -->  the next line only
 *   <!-- policylint-disable-line [ids] -->       this line only
 *   <!-- policylint-disable-file [ids] -->       the whole file
 */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  ids: string[];
  offset: number;
  line: number;
  end: number;
}

const DIRECTIVE = /^policylint-(disable-next-line|disable-line|disable-file|disable|enable)\b\s*(.*)$/s;

export function parseDirectives(doc: PolicyDocument): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.value);
    if (!m) continue;
    // "rule-a, rule-b -- why" : ids before an optional "--" explanation.
    const ids = m[2]!
      .split('--')[0]!
      .split(/[\s,]+/)
      .filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], ids, offset: c.start, end: c.end, line: doc.lines.lineOf(c.start) });
  }
  return out;
}

function applies(d: Directive, ruleId: string): boolean {
  return d.ids.length === 0 || d.ids.includes(ruleId);
}

/**
 * Drops findings that a directive turns off. `used`, when given, records for each directive
 * the rule ids whose findings it dropped (for --report-unused-disable-directives).
 */
export function applyDirectives(doc: PolicyDocument, directives: Directive[], findings: Finding[], used?: Map<Directive, Set<string>>): Finding[] {
  if (directives.length === 0) return findings;
  const mark = (d: Directive, ruleId: string): false => {
    if (used) used.set(d, (used.get(d) ?? new Set()).add(ruleId));
    return false;
  };
  return findings.filter((f) => {
    const line = doc.lines.lineOf(f.range.start);
    let disabledBy: Directive | undefined;
    for (const d of directives) {
      if (!applies(d, f.ruleId)) continue;
      switch (d.kind) {
        case 'disable-file':
          return mark(d, f.ruleId);
        case 'disable-line':
          if (d.line === line) return mark(d, f.ruleId);
          break;
        case 'disable-next-line':
          if (doc.lines.lineOf(d.end) + 1 === line) return mark(d, f.ruleId);
          break;
        case 'disable':
          if (d.offset <= f.range.start) disabledBy = d;
          break;
        case 'enable':
          if (d.offset <= f.range.start) disabledBy = undefined;
          break;
      }
    }
    return disabledBy ? mark(disabledBy, f.ruleId) : true;
  });
}

/** Disable directives (or ids in them) that dropped no finding: each with the ids it names in vain ([] for all rules). */
export function unusedDirectives(directives: Directive[], used: Map<Directive, Set<string>>): { directive: Directive; ids: string[] }[] {
  const out: { directive: Directive; ids: string[] }[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const dropped = used.get(d);
    if (d.ids.length === 0) {
      if (!dropped) out.push({ directive: d, ids: [] });
      continue;
    }
    const idle = d.ids.filter((id) => !dropped?.has(id));
    if (idle.length) out.push({ directive: d, ids: idle });
  }
  return out;
}

/** Ids named in directives that are not rules: reported so typos do not silently do nothing. */
export function unknownDirectiveIds(directives: Directive[], known: Set<string>): { directive: Directive; id: string }[] {
  return directives.flatMap((d) => d.ids.filter((id) => !known.has(id)).map((id) => ({ directive: d, id })));
}
