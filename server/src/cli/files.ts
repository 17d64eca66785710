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
  const found: string[] = [];
  for (const p of patterns) {
    const abs = resolve(cwd, p);
    if (!isDynamicPattern(p) && statSync(abs).isFile()) {
      found.push(abs);
      continue;
    }
    // A directory is searched from itself, so its own .gitignore files apply wherever it is.
    const [base, pattern] = isDynamicPattern(p) ? [cwd, p.replace(/\\/g, '/')] : [abs, `**/*.{${MARKDOWN.join(',')}}`];
    const options = { cwd: base, absolute: true, ignore: ['**/node_modules/**'], dot: false };
    let matches: string[];
    try {
      matches = await globby(pattern, { ...options, gitignore: true });
    } catch {
      // globby cannot apply .gitignore to patterns that leave cwd ("../drafts/*.md").
      matches = await globby(pattern, options);
    }
    found.push(...matches.filter((f) => MARKDOWN.some((e) => f.endsWith(`.${e}`))));
  }
  const files = [...new Set(found)];
  if (files.length === 0) throw new UsageError(`Inga Markdown-filer matchar: ${patterns.join(' ')} / No Markdown files match`);
  return files.sort();
}
