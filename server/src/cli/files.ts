import { existsSync, lstatSync, readdir, statSync, type Dirent } from 'node:fs';
import { resolve } from 'node:path';
import { globby, isDynamicPattern } from 'globby';
import { fileKind, resolvesInside } from '../engine/io/safeRead.js';
import { GitIgnore } from './gitignore.js';

export class UsageError extends Error {}

const MARKDOWN = ['md', 'markdown'];

export interface Expanded {
  files: string[];
  /** Files and folders skipped, with why: an unreadable folder, a link out of the folder, a FIFO. */
  warnings: string[];
}

type Readdir = typeof readdir;

/**
 * Expands the command line's files, directories and globs to Markdown files, honouring
 * .gitignore. A path that does not exist is an error that names it. Found files (not the
 * ones named) are regular files: symlinked folders are not entered (two loop links made
 * the walk endless), a symlinked file is taken only if it resolves inside the folder
 * searched, FIFOs and devices are skipped, and a folder that cannot be read is a warning.
 */
export async function expandInputs(inputs: string[], cwd: string, fsReaddir: Readdir = readdir): Promise<Expanded> {
  const patterns = inputs.length ? inputs : ['.'];
  for (const p of patterns) {
    if (!isDynamicPattern(p) && !existsSync(resolve(cwd, p))) {
      throw new UsageError(`Filen eller katalogen finns inte: ${p} / No such file or directory: ${p}`);
    }
  }
  const found: string[] = [];
  const warnings: string[] = [];
  // Records what fast-glob could not read, instead of aborting the run (suppressErrors).
  const recordingReaddir = ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void) =>
    (fsReaddir as (p: string, o: unknown, cb: typeof callback) => void)(path, options, (error, entries) => {
      if (error) warnings.push(`kan inte läsa katalogen ${path} (${error.code}); hoppar över den / cannot read the folder, skipping it`);
      callback(error, entries);
    })) as unknown as Readdir;
  for (const p of patterns) {
    const abs = resolve(cwd, p);
    if (!isDynamicPattern(p) && !statSync(abs).isDirectory()) {
      // Named on the command line: the user asked for it, link or not; a FIFO or a device
      // is refused when it is read, with a message.
      found.push(abs);
      continue;
    }
    // A directory is searched from itself, so its own .gitignore files apply wherever it is.
    const [base, pattern] = isDynamicPattern(p) ? [cwd, p.replace(/\\/g, '/')] : [abs, `**/*.{${MARKDOWN.join(',')}}`];
    const entries = await globby(pattern, {
      cwd: base,
      absolute: true,
      ignore: ['**/node_modules/**'],
      dot: false,
      onlyFiles: false,
      followSymbolicLinks: false,
      suppressErrors: true,
      fs: { readdir: recordingReaddir },
    });
    const gitignore = new GitIgnore(base);
    for (const file of entries) {
      if (!MARKDOWN.some((e) => file.endsWith(`.${e}`)) || gitignore.ignored(file)) continue;
      const skip = skipReason(file, base);
      if (skip === undefined) found.push(file);
      else if (skip) warnings.push(`hoppar över ${file}: ${skip}`);
    }
  }
  const files = [...new Set(found)];
  if (files.length === 0) throw new UsageError(`Inga Markdown-filer matchar: ${patterns.join(' ')} / No Markdown files match`);
  return { files: files.sort(), warnings };
}

/** Why a found entry is not linted (undefined: lint it; '': skip silently, e.g. a folder named x.md). */
function skipReason(file: string, base: string): string | undefined {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    return `kan inte läsas (${(error as NodeJS.ErrnoException).code}) / cannot be read`;
  }
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return '';
  if (stats.isSymbolicLink()) {
    if (!resolvesInside(file, [base])) return 'symbolisk länk ut ur mappen eller i en slinga; följs inte / symbolic link out of the folder or in a loop; not followed';
    try {
      const target = statSync(file);
      if (target.isFile()) return undefined;
      return target.isDirectory() ? '' : `länkar till ${fileKind(target).sv}, inte en vanlig fil / links to ${fileKind(target).en}`;
    } catch (error) {
      return `kan inte läsas (${(error as NodeJS.ErrnoException).code}) / cannot be read`;
    }
  }
  const kind = fileKind(stats);
  return `är ${kind.sv}, inte en vanlig fil / is ${kind.en}, not a regular file`;
}
