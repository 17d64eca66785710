import { REPOSITORY_URL, ruleDocUrl } from '../../engine/index.js';
import type { FileResult, Message } from '../results.js';
import type { FormatContext, Formatter } from './formatter.js';
import { displayPath, type SourceText } from './source.js';

const SEVERITY = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

/**
 * reviewdog's Diagnostic Format, one JSON object per line (`-f=rdjsonl`): columns are UTF-8
 * byte counts from 1, ranges end exclusively, and a safe fix becomes a suggestion reviewdog
 * can post as a suggested change. Schema: reviewdog's proto/rdf/jsonschema/Diagnostic.json
 * (vendored in test/fixtures/schemas/).
 */
export function rdjsonlFormatter(ctx: FormatContext): Formatter {
  return {
    file(result: FileResult): string {
      if (result.messages.length === 0) return '';
      const source = ctx.source(result);
      const path = displayPath(result.filePath, ctx.cwd);
      return result.messages.map((m) => `${JSON.stringify(diagnostic(m, path, source))}\n`).join('');
    },
    end: () => '',
  };
}

function position(source: SourceText | undefined, line: number, column: number): { line: number; column: number } {
  return { line, column: source ? source.byteColumn(line, column) : column };
}

function diagnostic(m: Message, path: string, source: SourceText | undefined): unknown {
  const suggestion = m.fix && source ? suggestionOf(m.fix, source) : undefined;
  return {
    message: m.message,
    location: { path, range: { start: position(source, m.line, m.column), end: position(source, m.endLine, m.endColumn) } },
    severity: SEVERITY[m.severity],
    source: { name: 'policylint', url: REPOSITORY_URL },
    ...(m.ruleId ? { code: { value: m.ruleId, url: ruleDocUrl(m.ruleId) } } : {}),
    ...(suggestion ? { suggestions: [suggestion] } : {}),
  };
}

function suggestionOf(fix: NonNullable<Message['fix']>, source: SourceText): unknown {
  const start = source.position(fix.range[0]);
  const end = source.position(fix.range[1]);
  return { range: { start: position(source, start.line, start.column), end: position(source, end.line, end.column) }, text: fix.text };
}
