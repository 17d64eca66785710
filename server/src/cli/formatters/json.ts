import type { FileResult } from '../results.js';

/** ESLint-compatible JSON: an array of file results, 1-based lines and columns. */
export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify(
    results.map(({ output: _output, governance: _governance, ...rest }) => rest),
    null,
    2,
  )}\n`;
}

/** One element of formatJson's array, indented as it is there (the array's own lines come from the caller). */
export function jsonElement(result: FileResult): string {
  const { output: _output, ...rest } = result;
  return `  ${JSON.stringify(rest, null, 2).replace(/\n/g, '\n  ')}`;
}
