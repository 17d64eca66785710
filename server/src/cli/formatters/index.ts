import type { FileResult } from '../results.js';
import { collecting, type FormatContext, type Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { gitlabFormatter } from './gitlab.js';
import { formatJson } from './json.js';
import { junitFormatter } from './junit.js';
import { rdjsonlFormatter } from './rdjsonl.js';
import { sarifFormatter } from './sarif.js';
import { formatStylish } from './stylish.js';

/** The lint formats (`--format`); `facts` is printed by its own path (cli/facts.ts). */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'rdjsonl', 'gitlab', 'junit', 'facts'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export function lintFormatter(format: Exclude<LintFormat, 'facts'>, ctx: FormatContext): Formatter {
  switch (format) {
    case 'json':
      return collecting(formatJson);
    case 'sarif':
      return sarifFormatter(ctx);
    case 'github':
      // One file's annotations do not depend on another's: printed as each file is done.
      return { file: (r: FileResult) => formatGithub([r], ctx.cwd), end: () => '' };
    case 'rdjsonl':
      return rdjsonlFormatter(ctx);
    case 'gitlab':
      return gitlabFormatter(ctx);
    case 'junit':
      return junitFormatter(ctx);
    case 'stylish':
      return collecting((results) => formatStylish(results, ctx.lang, ctx.color, ctx.cwd));
  }
}

export type { FormatContext, Formatter } from './formatter.js';
