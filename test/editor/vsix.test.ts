// The .vsix that `npm run package` made: what users install. Run by the editor-test runner
// (POLICYLINT_VSIX names the file) before the editor suite installs the same file.
import * as assert from 'node:assert/strict';
import { checkVsix, listVsix, MAX_VSIX_BYTES } from '../../scripts/vsix-check.mjs';

const file = process.env.POLICYLINT_VSIX ?? '';

/** The fields of the packaged package.json that these checks read (`dependencies` must be absent). */
interface Manifest {
  main: string;
  engines: { vscode: string };
  dependencies?: unknown;
  contributes?: { grammars?: { path: string }[]; snippets?: { path: string }[]; semanticTokenScopes?: { language?: string }[] };
}

describe('the packaged .vsix', function () {
  before(function () {
    if (!file) this.skip();
  });

  it(`weighs at most ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
    const { bytes } = listVsix(file);
    assert.ok(bytes <= MAX_VSIX_BYTES, `${bytes} bytes`);
  });

  it('has no TypeScript sources, source maps, tests or node_modules', () => {
    const names = listVsix(file).entries.map((e) => e.name);
    const bad = names.filter((n) => /\.(c|m)?tsx?$|\.map$|(^|\/)(test|tests|node_modules|\.vscode-test)\/|\.(test|spec)\.[cm]?js$/.test(n));
    assert.deepEqual(bad, []);
  });

  it('ships the bundles, rules, rule docs, dictionary, grammar, snippets, strings, icon and docs', () => {
    const vsix = listVsix(file);
    const names = new Set(vsix.entries.map((e) => e.name));
    for (const f of [
      'dist/client.cjs',
      'dist/server.cjs',
      'dist/server-start.cjs',
      'dist/cli.cjs',
      'dist/dictionary/index.aff',
      'dist/dictionary/index.dic',
      'rules/sections.yml',
      'rules/adoption.yml',
      'rules/schema/config.schema.json',
      'rules/presets/recommended.yml',
      'rules/vocabulary/bodies.yml',
      'rules/sources/amal.md',
      'docs/rules/adoption.md',
      'images/icon.png',
    ]) {
      assert.ok(names.has(`extension/${f}`), `${f} is missing`);
    }
    const manifest = JSON.parse(vsix.read('extension/package.json')!.toString('utf8')) as Manifest;
    assert.equal(manifest.main, './dist/client.cjs');
    assert.equal(manifest.engines.vscode, '^1.100.0');
    for (const g of manifest.contributes?.grammars ?? []) assert.ok(names.has(`extension/${g.path.replace(/^\.\//, '')}`), g.path);
    for (const s of manifest.contributes?.snippets ?? []) assert.ok(names.has(`extension/${s.path.replace(/^\.\//, '')}`), s.path);
    // Colouring is the server's semantic tokens (governing documents only), mapped to the grammar's scopes.
    assert.equal((manifest.contributes?.grammars ?? []).length, 0, 'no grammar injected into every Markdown file');
    assert.ok(
      manifest.contributes?.semanticTokenScopes?.some((s: { language?: string }) => s.language === 'markdown'),
      'semantic token scopes for Markdown',
    );
    assert.ok(names.has('extension/syntaxes/policylint.injection.tmLanguage.json'), 'the generated grammar ships for TextMate tools');
    assert.ok(
      [...names].some((n) => /^extension\/package\.nls\.sv\.json$/.test(n)),
      'Swedish strings (package.nls.sv.json)',
    );
    assert.ok(
      [...names].some((n) => /^extension\/l10n\/bundle\.l10n\.sv\.json$/.test(n)),
      'Swedish strings (l10n/bundle.l10n.sv.json)',
    );
    // No dependencies left to install: everything is bundled.
    assert.equal(manifest.dependencies, undefined);
  });

  it('passes every check of scripts/vsix-check.mjs', () => {
    assert.deepEqual(checkVsix(file), []);
  });
});
