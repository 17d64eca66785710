import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globby, isDynamicPattern } from 'globby';

export class UsageError extends Error {}

const MARKDOWN = ['md', 'markdown'];

/**
 * Expands the command line's files, directories and globs to Markdown files, honouring
 * .gitignore. A path that does not exist is an error that names it.
 */
export async function expandInputs(inputs: string[], cwd: string): Promise<string[]> {
  const patterns = inputs.length ? inputs : ['.'];
  for (const p of patterns) {
    if (!isDynamicPattern(p) && !existsSync(resolve(cwd, p))) {
      throw new UsageError(`Filen eller katalogen finns inte: ${p} / No such file or directory: ${p}`);
    }
  }
  const explicitFiles = patterns.filter((p) => !isDynamicPattern(p) && statSync(resolve(cwd, p)).isFile());
  const rest = patterns.filter((p) => !explicitFiles.includes(p)).map((p) => p.replace(/\\/g, '/'));
  const found = rest.length
    ? await globby(rest, { cwd, gitignore: true, absolute: true, expandDirectories: { extensions: MARKDOWN }, ignore: ['**/node_modules/**'], dot: false })
    : [];
  const files = [...new Set([...explicitFiles.map((f) => resolve(cwd, f)), ...found.filter((f) => MARKDOWN.some((e) => f.endsWith(`.${e}`)))])];
  if (files.length === 0) throw new UsageError(`Inga Markdown-filer matchar: ${patterns.join(' ')} / No Markdown files match`);
  return files.sort();
}
