'use strict';
// Runs a bundle from dist/ (one file, with a V8 code cache) when it is at least as new as the
// compiled sources in out/, else the compiled ESM build. npm install runs `prepare`, which
// builds both; a `tsc -b` after an edit makes the ESM build the newer one, and
// POLICYLINT_BUNDLE=0 always runs it (coverage, debugging with source maps).
//
// CommonJS (bin/package.json), as is the runner it loads (dist/boot.cjs, the bundled
// server/src/boot/codeCache.ts): a start that meets no ES module never sets up Node's ES
// module loader (`--version`: 256 → 246 ms, interleaved).
const { statSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const here = (relative) => path.join(__dirname, relative);
const mtime = (relative) => {
  try {
    return statSync(here(relative)).mtimeMs;
  } catch {
    return undefined;
  }
};

/**
 * `bundle` and `compiled` are paths relative to this directory. The bundle runs before this
 * returns; the compiled build is imported, and the promise says when it has loaded.
 */
function launch(bundle, compiled) {
  const bundled = mtime(bundle);
  const built = mtime('../out/.tsbuildinfo');
  // A dist/ from before boot.cjs existed is not run either: it has no runner here.
  const runner = mtime('../dist/boot.cjs');
  if (process.env.POLICYLINT_BUNDLE !== '0' && bundled !== undefined && runner !== undefined && (built === undefined || bundled >= built)) {
    require(here('../dist/boot.cjs')).runBundle(here(bundle));
    return Promise.resolve();
  }
  return import(pathToFileURL(here(compiled)).href);
}

module.exports = { launch };
