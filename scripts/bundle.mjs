#!/usr/bin/env node
// Bundles what ships: the extension (dist/client.cjs), the language server (dist/server.cjs,
// started through dist/server-start.cjs) and the CLI (dist/cli.cjs, which bin/policylint.js
// runs when it is fresh), as CommonJS for Node 20 and VS Code's extension host.
//
// The engine finds rules/ from its own location. In ESM it uses import.meta.url; in these CJS
// bundles the banner sets the global `__policylintDir` (dist/), from which rules/ is found
// one level up, and `import.meta.url` is defined as the bundle's own file URL so that
// createRequire() (used to find the dictionary-sv files) works too.
//
// Usage: node scripts/bundle.mjs [--minify] [--sourcemap] [--watch] [--outdir=dist]
import { build, context } from 'esbuild';
import { dirname, join } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

const banner = 'var __policylintDir = __dirname; var __policylintMetaUrl = require("url").pathToFileURL(__filename).href;';

// The pattern compiler's identity, which the bundles cannot compute (they have no directory of
// compiled files): rules/.parsed.json's precompiled lists are used only by the same compiler
// (see server/src/engine/match/precompiled.ts). It is the compiled build's, so it names the
// code bundled here only if out/ was compiled from these very sources (`npm run bundle` alone,
// after an edit, would otherwise label a new compiler with the old one's name): tsc records the
// SHA-256 of each source it compiled in out/.tsbuildinfo. Else nothing is precompiled.
const matchSources = join(root, 'server', 'src', 'engine', 'match');
const matchDir = join(root, 'out', 'server', 'src', 'engine', 'match');
function compiledFromTheseSources() {
  try {
    const info = JSON.parse(readFileSync(join(root, 'out', '.tsbuildinfo'), 'utf8'));
    const versions = new Map(info.fileNames.map((name, i) => [join(root, 'out', name), info.fileInfos[i]?.version]));
    return readdirSync(matchSources)
      .filter((f) => f.endsWith('.ts'))
      .every(
        (f) =>
          versions.get(join(matchSources, f)) ===
          createHash('sha256')
            .update(readFileSync(join(matchSources, f), 'utf8'))
            .digest('hex'),
      );
  } catch {
    return false;
  }
}
const compiledIsCurrent = compiledFromTheseSources();
const matchId = compiledIsCurrent ? (await import(join(matchDir, 'precompiled.js'))).compilerIdOf(matchDir) : undefined;
if (!compiledIsCurrent) console.warn('out/ was not compiled from server/src/engine/match as it is now: the bundles compile their pattern lists at start (run `npm run build`)');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: args.has('--sourcemap'),
  minify: args.has('--minify'),
  logLevel: 'warning',
  define: { 'import.meta.url': '__policylintMetaUrl', ...(matchId ? { __POLICYLINT_MATCH_ID__: JSON.stringify(matchId) } : {}) },
  absWorkingDir: root,
};

const targets = [
  { entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client.cjs'), external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: join(outdir, 'server.cjs') },
  // What the extension starts: server.cjs run with a V8 code cache (server/src/boot/codeCache.ts).
  { entryPoints: ['server/src/boot/serverStart.ts'], outfile: join(outdir, 'server-start.cjs') },
  { entryPoints: ['server/src/cli/cli.ts'], outfile: join(outdir, 'cli.cjs'), bannerPrefix: '#!/usr/bin/env node\n' },
  // The CLI's worker threads load this file from next to cli.cjs (see server/src/cli/pool.ts).
  { entryPoints: ['server/src/cli/worker.ts'], outfile: join(outdir, 'cli-worker.cjs') },
  // What bin/ runs cli.cjs and server.cjs with (runBundle, the code cache), as CommonJS.
  { entryPoints: ['server/src/boot/codeCache.ts'], outfile: join(outdir, 'boot.cjs') },
];

const started = Date.now();
for (const { bannerPrefix = '', ...target } of targets) {
  const options = { ...common, ...target, banner: { js: bannerPrefix + banner } };
  if (args.has('--watch')) {
    const ctx = await context(options);
    await ctx.watch();
  } else {
    await build(options);
  }
}
if (!args.has('--watch')) console.log(`bundled ${targets.map((t) => t.outfile).join(', ')} in ${Date.now() - started} ms`);

// The bundles read rules/ at run time; the parse of its YAML ships beside it (rules/.parsed.json).
const snapshot = join(root, 'out', 'scripts', 'snapshot-rules.js');
if (existsSync(snapshot)) execFileSync(process.execPath, [snapshot, '--quiet'], { stdio: 'inherit' });
else console.warn('rules/.parsed.json not written: run `npm run build` first (cold starts then parse the YAML)');
