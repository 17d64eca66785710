import type { FileResult } from '../results.js';
import type { FormatContext, Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { gitlabFormatter } from './gitlab.js';
import { jsonElement } from './json.js';
import { junitFormatter } from './junit.js';
import { rdjsonlFormatter } from './rdjsonl.js';
import { sarifFormatter } from './sarif.js';
import { noTotals, stylishFile, stylishSummary } from './stylish.js';

/** The lint formats (`--format`); `facts` is printed by its own path (cli/facts.ts). */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'rdjsonl', 'gitlab', 'junit', 'facts'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export function lintFormatter(format: Exclude<LintFormat, 'facts'>, ctx: FormatContext): Formatter {
  switch (format) {
    case 'json': {
      // The array's elements as each file is done: the same text as formatJson, without holding the set.
      let count = 0;
      return { file: (r) => `${count++ === 0 ? '[\n' : ',\n'}${jsonElement(r)}`, end: () => (count === 0 ? '[]\n' : '\n]\n') };
    }
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
    case 'stylish': {
      const totals = noTotals();
      return { file: (r) => stylishFile(r, totals, ctx.lang, ctx.color, ctx.cwd), end: () => stylishSummary(totals, ctx.lang, ctx.color) };
    }
  }
}

export type { FormatContext, Formatter } from './formatter.js';
