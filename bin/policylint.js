#!/usr/bin/env node
// Runs the CLI: the bundle (dist/cli.cjs, one file, with a V8 code cache) when it is at least
// as new as the compiled sources, else the compiled ESM build (npm install runs `prepare`,
// which builds both; a `tsc -b` after an edit makes the ESM build the newer one).
// POLICYLINT_BUNDLE=0 always runs the ESM build (coverage, debugging with source maps).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const mtime = (relative) => {
  try {
    return statSync(fileURLToPath(new URL(relative, import.meta.url))).mtimeMs;
  } catch {
    return undefined;
  }
};
const bundle = mtime('../dist/cli.cjs');
const compiled = mtime('../out/.tsbuildinfo');
if (process.env.POLICYLINT_BUNDLE !== '0' && bundle !== undefined && (compiled === undefined || bundle >= compiled)) {
  const { runBundle } = await import('../out/server/src/boot/codeCache.js');
  runBundle(fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)));
} else {
  await import('../out/server/src/cli/cli.js');
}
