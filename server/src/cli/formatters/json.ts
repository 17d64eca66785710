import type { FileResult } from '../results.js';

/** ESLint-compatible JSON: an array of file results, 1-based lines and columns. */
export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify(results.map(({ output: _output, governance: _governance, ...rest }) => rest), null, 2)}\n`;
}
