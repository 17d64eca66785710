import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a rule's documentation lives, set in one place. Online (SARIF helpUri, README) it is
 * the repository's docs/rules page; editors open the copy shipped next to the rules.
 */
export const REPOSITORY_URL = 'https://github.com/policylint/policylint';

export function ruleDocUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

/** The bundled rule doc (docs/rules/<id>.md beside rules/) as a file URI. */
export function localRuleDocUri(rulesDirectory: string, ruleId: string): string {
  return pathToFileURL(join(rulesDirectory, '..', 'docs', 'rules', `${ruleId}.md`)).href;
}

/** A bundled source document opened at a clause's line. */
export function sourceClauseUri(file: string, line: number): string {
  return `${pathToFileURL(file).href}#L${line}`;
}
