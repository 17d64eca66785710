import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { readFileSafely } from '../engine/io/safeRead.js';

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  matches: (path: string) => boolean;
}

/** .gitignore files are small; one larger than this is not a .gitignore anyone wrote. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/**
 * .gitignore rules of the directories between a base and each file, read as data only
 * (regular files inside the base, bounded size: a committed link to /dev/zero or a FIFO
 * named .gitignore is skipped). globby's own gitignore search follows symlinks, so two loop
 * links (`a -> .`, `up -> ..`) kept it walking for ever; this reads only the directories
 * the file walk already reached.
 */
export class GitIgnore {
  private readonly rulesByDir = new Map<string, Rule[]>();

  constructor(private readonly base: string) {}

  /** Whether the file (absolute, under the base) or one of its directories is ignored. */
  ignored(file: string): boolean {
    const parts = relative(this.base, file).split(sep);
    if (parts[0] === '..') return false;
    for (let i = 1; i <= parts.length; i++) {
      const isDir = i < parts.length;
      if (this.verdict(parts.slice(0, i), isDir)) return true;
    }
    return false;
  }

  /** Git's rule: the last matching pattern wins, deeper .gitignore files after shallower ones. */
  private verdict(parts: string[], isDir: boolean): boolean {
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = join(this.base, ...parts.slice(0, depth));
      const rel = parts.slice(depth).join('/');
      for (const rule of this.rules(dir)) {
        if (rule.dirOnly && !isDir) continue;
        if (rule.matches(rel)) ignored = !rule.negate;
      }
    }
    return ignored;
  }

  private rules(dir: string): Rule[] {
    let rules = this.rulesByDir.get(dir);
    if (!rules) {
      const read = readFileSafely(join(dir, '.gitignore'), { maxBytes: MAX_GITIGNORE_BYTES, within: [this.base] });
      rules = read.ok ? parseGitIgnore(read.bytes.toString('utf8')) : [];
      this.rulesByDir.set(dir, rules);
    }
    return rules;
  }
}

export function parseGitIgnore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    // A slash at the start or in the middle anchors the pattern to the .gitignore's directory.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (!line) continue;
    const matches = picomatch(line.replace(/^\\([#!])/, '$1'), { dot: true, basename: !anchored });
    rules.push({ negate, dirOnly, matches });
  }
  return rules;
}
