// Compiles test/editor/**/*.ts for the runner (type checking is `tsc -b`'s job, in `npm test`):
//  - test/editor/suite/** → .vscode-test/build/suite/**.js, CommonJS, one file per source: the
//    extension host loads the suite with require(), and mocha loads each test file itself;
//  - test/editor/vsix.test.ts → .vscode-test/build/vsix.test.cjs, run in Node; bundled so that
//    it takes scripts/vsix-check.mjs along (packages stay external).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { cacheDir, root } from './util.mjs';

export const buildDir = join(cacheDir, 'build');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

export async function buildSuite() {
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  // The repository is "type": "module"; these outputs are CommonJS.
  writeFileSync(join(buildDir, 'package.json'), '{ "type": "commonjs" }\n');
  const suiteDir = join(root, 'test', 'editor', 'suite');
  await build({
    entryPoints: tsFiles(suiteDir),
    outdir: join(buildDir, 'suite'),
    outbase: suiteDir,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const vsixTest = join(root, 'test', 'editor', 'vsix.test.ts');
  if (existsSync(vsixTest)) {
    await build({
      entryPoints: [vsixTest],
      outfile: join(buildDir, 'vsix.test.cjs'),
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
  }
  return { suiteIndex: join(buildDir, 'suite', 'index.js'), vsixTest: existsSync(vsixTest) ? join(buildDir, 'vsix.test.cjs') : undefined, relative: relative(root, buildDir) };
}
