#!/usr/bin/env node
// `npm run package`: bundles the extension, the language server and the CLI (scripts/bundle.mjs),
// copies the Swedish dictionary beside them, and makes policylint-<version>.vsix with vsce.
//
// vsce runs in a staging folder (dist/.vsix-stage) because the repository's package.json has
// a "files" list for npm, which vsce refuses to combine with .vscodeignore. The stage holds the
// manifest without scripts and dependencies (everything is bundled) and the shipped folders;
// .vscodeignore (an allow-list) decides what of them goes into the .vsix. The result is checked
// (scripts/vsix-check.mjs): size, no sources/maps/tests, every file the manifest points to.
//
// Usage: node scripts/package.mjs [--out=<file.vsix>] [--no-bundle] [--no-minify]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVsix, listVsix } from './vsix-check.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(root, option('out') ?? `${pkg.name}-${pkg.version}.vsix`);
const stage = join(root, 'dist', '.vsix-stage');
const started = Date.now();
const step = (what) => console.log(`[package] ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

function run(command, argv, cwd = root) {
  const r = spawnSync(command, argv, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[package] failed: ${command} ${argv.join(' ')} (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

// 1. Bundles.
if (!flag('no-bundle')) {
  if (!existsSync(join(root, 'scripts', 'bundle.mjs'))) {
    console.error('[package] scripts/bundle.mjs is missing: it builds dist/client.cjs, dist/server.cjs and dist/cli.cjs');
    process.exit(1);
  }
  step('bundling');
  run(process.execPath, ['scripts/bundle.mjs', ...(flag('no-minify') ? [] : ['--minify'])]);
}
for (const f of ['dist/client.cjs', 'dist/server.cjs', 'dist/server-start.cjs', 'dist/cli.cjs']) {
  if (!existsSync(join(root, f))) {
    console.error(`[package] ${f} is missing; run node scripts/bundle.mjs`);
    process.exit(1);
  }
}

// 2. The dictionary: the bundles have no node_modules, so index.aff/index.dic ship in dist/dictionary.
const dictionarySource = dirname(createRequire(import.meta.url).resolve('dictionary-sv'));
mkdirSync(join(root, 'dist', 'dictionary'), { recursive: true });
for (const f of ['index.aff', 'index.dic', 'license']) {
  if (existsSync(join(dictionarySource, f))) cpSync(join(dictionarySource, f), join(root, 'dist', 'dictionary', f));
}

// 3. The stage: the shipped folders and a manifest without what only development needs.
step('staging');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const manifest = { ...pkg };
for (const field of ['scripts', 'devDependencies', 'dependencies', 'files', 'bin']) delete manifest[field];
if (!manifest.icon && existsSync(join(root, 'images', 'icon.png'))) manifest.icon = 'images/icon.png';
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const shipped = ['.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'rules', 'docs', 'syntaxes', 'snippets', 'l10n', 'images'];
for (const name of readdirSync(root)) {
  if (/^package\.nls(\..+)?\.json$/.test(name)) shipped.push(name);
}
for (const name of shipped) {
  const from = join(root, name);
  if (!existsSync(from)) continue;
  if (name === 'dist') {
    // Not the stage itself, which lives in dist/.
    for (const entry of readdirSync(from)) {
      if (entry !== '.vsix-stage') cpSync(join(from, entry), join(stage, 'dist', entry), { recursive: true });
    }
  } else {
    cpSync(from, join(stage, name), { recursive: true });
  }
}

// 4. vsce. Relative links in the README point to the repository.
step('vsce package');
const repository = 'https://github.com/policylint/policylint';
run(
  process.execPath,
  [
    join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--baseContentUrl',
    `${repository}/blob/main`,
    '--baseImagesUrl',
    `${repository}/raw/main`,
    '--out',
    out,
  ],
  stage,
);

// 5. Check what was made.
const problems = checkVsix(out);
const { bytes, entries } = listVsix(out);
if (problems.length) {
  console.error(`[package] ${relative(root, out)} is not right:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
step(`${relative(root, out)}: ${entries.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB, checked`);
