// Runs a bundle from dist/ (one file, with a V8 code cache) when it is at least as new as the
// compiled sources in out/, else the compiled ESM build. npm install runs `prepare`, which
// builds both; a `tsc -b` after an edit makes the ESM build the newer one, and
// POLICYLINT_BUNDLE=0 always runs it (coverage, debugging with source maps).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const mtime = (relative) => {
  try {
    return statSync(path(relative)).mtimeMs;
  } catch {
    return undefined;
  }
};

/** `bundle` and `compiled` are paths relative to this directory. */
export async function launch(bundle, compiled) {
  const bundled = mtime(bundle);
  const built = mtime('../out/.tsbuildinfo');
  if (process.env.POLICYLINT_BUNDLE !== '0' && bundled !== undefined && (built === undefined || bundled >= built)) {
    const { runBundle } = await import('../out/server/src/boot/codeCache.js');
    runBundle(path(bundle));
  } else {
    await import(compiled);
  }
}
