import type { Diagnostic, Language, LineIndex, RuleSet, SourceRef } from '../engine/index.js';
import type { Governance } from './governance.js';

/** The CLI's result for one file; the json formatter prints exactly this. */
export interface FileResult {
  filePath: string;
  messages: Message[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text when --fix changed the file (not printed). */
  output?: string;
  /** What the draft says about its governance, for `report` (not printed by lint formats). */
  governance?: Governance;
}

export interface Message {
  ruleId: string | null;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  sources: SourceRef[];
  /** The safe fix, as ESLint gives it: offsets into the file and the replacement. */
  fix: { range: [number, number]; text: string } | null;
  /** True for a file that could not be read or decoded. */
  fatal?: boolean;
}

export function toMessage(d: Diagnostic, lines: LineIndex, lang: Language): Message {
  const start = lines.position(d.range.start);
  const end = lines.position(d.range.end);
  const safe = d.fixes?.find((f) => f.safe && f.edits.length === 1);
  const edit = safe?.edits[0];
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message[lang],
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    sources: d.sources,
    fix: edit ? { range: [edit.start, edit.end], text: edit.text } : null,
  };
}

export function summarise(filePath: string, messages: Message[], fixable: Set<Message>): FileResult {
  const count = (s: Message['severity'], onlyFixable = false): number => messages.filter((m) => m.severity === s && (!onlyFixable || fixable.has(m))).length;
  return {
    filePath,
    messages,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warning', true),
  };
}

/**
 * A worker's result crosses to the main thread by structured clone: every message would carry
 * its own copy of the rule's source quotes (most of the CLI's memory on a large run). They
 * travel without them, and `withSources` points each message back at the rule set's own.
 */
export function withoutSources(result: FileResult | undefined): FileResult | undefined {
  if (result) for (const m of result.messages) if (m.ruleId) m.sources = [];
  return result;
}

export function withSources(result: FileResult | undefined, ruleSet: RuleSet): FileResult | undefined {
  if (result) for (const m of result.messages) if (m.ruleId) m.sources = ruleSet.rules.get(m.ruleId)?.sources ?? [];
  return result;
}
