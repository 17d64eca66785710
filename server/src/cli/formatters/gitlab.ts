import type { FileResult } from '../results.js';
import type { FormatContext, Formatter } from './formatter.js';
import { displayPath, fingerprints } from './source.js';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * GitLab Code Quality (`artifacts: reports: codequality`): a JSON array of issues with
 * description, check_name, fingerprint, severity (info|minor|major|critical|blocker) and
 * location.path / location.lines.begin. A file that could not be read is a blocker.
 * Keys as documented at https://docs.gitlab.com/ci/testing/code_quality/ (code quality report format).
 */
export function gitlabFormatter(ctx: FormatContext): Formatter {
  let first = true;
  return {
    file(result: FileResult): string {
      if (result.messages.length === 0) return '';
      const prints = fingerprints(result, ctx.source(result), ctx.cwd);
      const path = displayPath(result.filePath, ctx.cwd);
      return result.messages
        .map((m, i) => {
          const issue = {
            type: 'issue',
            description: m.message,
            check_name: m.ruleId ?? 'fatal',
            fingerprint: prints[i],
            severity: m.fatal ? 'blocker' : SEVERITY[m.severity],
            location: { path, lines: { begin: m.line, end: m.endLine } },
          };
          const text = `${first ? '[\n' : ',\n'}  ${JSON.stringify(issue)}`;
          first = false;
          return text;
        })
        .join('');
    },
    end: () => (first ? '[]\n' : '\n]\n'),
  };
}
