// Reads a .vsix (a zip) without unzip and checks what it ships: used by `npm run package`
// after vsce and by the vsix test (test/editor/vsix.test.ts). Types: vsix-check.d.mts.
import { readFileSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** The most a .vsix may weigh (the issue: at most 5 MB). */
export const MAX_VSIX_BYTES = 5 * 1024 * 1024;

/** Lists the entries of a zip file from its central directory. */
export function listVsix(file) {
  const zip = readFileSync(file);
  // End of central directory: 22 bytes + a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localHeader = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, size, compressedSize, method, localHeader });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const read = (name) => {
    const e = entries.find((x) => x.name === name);
    if (!e) return undefined;
    const h = e.localHeader;
    const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
    const data = zip.subarray(start, start + e.compressedSize);
    return e.method === 0 ? Buffer.from(data) : inflateRawSync(data);
  };
  return { bytes: statSync(file).size, entries, read };
}

/** Files that must never ship: sources, source maps, tests, dependencies, build leftovers. */
export const FORBIDDEN = [
  [/\.(c|m)?tsx?$/, 'TypeScript source'],
  [/\.map$/, 'source map'],
  [/(^|\/)(test|tests|__tests__|\.vscode-test)\//, 'test file'],
  [/\.(test|spec)\.[cm]?[jt]s$/, 'test file'],
  [/(^|\/)node_modules\//, 'node_modules (everything is bundled)'],
  [/^extension\/(out|client|server|scripts|examples|bench|\.ci|\.git)\//, 'build input, not an artefact'],
  [/(^|\/)tsconfig[^/]*\.json$/, 'TypeScript config'],
  [/\.vsix$/, 'a .vsix inside the .vsix'],
];

/**
 * What the extension needs at run time, derived from the packaged package.json where it says
 * so (main, grammars, snippets, icon, l10n, nls) and from the issue for the rest.
 */
export function requiredFiles(manifest, names) {
  const ext = (p) => `extension/${String(p).replace(/^\.\//, '')}`;
  const required = [
    'extension/package.json',
    'extension/dist/client.cjs',
    'extension/dist/server.cjs',
    'extension/dist/server-start.cjs',
    'extension/dist/cli.cjs',
    'extension/dist/dictionary/index.aff',
    'extension/dist/dictionary/index.dic',
    'extension/rules/sections.yml',
    'extension/rules/schema/config.schema.json',
    'extension/rules/schema/rule.schema.json',
    'extension/rules/presets/recommended.yml',
    'extension/rules/vocabulary/bodies.yml',
    'extension/docs/rules/README.md',
  ];
  if (manifest.main) required.push(ext(manifest.main));
  if (manifest.icon) required.push(ext(manifest.icon));
  for (const g of manifest.contributes?.grammars ?? []) required.push(ext(g.path));
  for (const s of manifest.contributes?.snippets ?? []) required.push(ext(s.path));
  if (JSON.stringify(manifest).includes('"%')) required.push('extension/package.nls.json');
  const has = new Set(names);
  const missing = required.filter((f) => !has.has(f));
  // Globs by directory: every rule file, its doc and the source documents.
  const dir = (prefix, re) => names.some((n) => n.startsWith(prefix) && re.test(n.slice(prefix.length)));
  if (!dir('extension/rules/', /^[a-z-]+\.yml$/)) missing.push('extension/rules/<rule>.yml');
  if (!dir('extension/rules/sources/', /\.md$/)) missing.push('extension/rules/sources/*.md');
  if (!dir('extension/docs/rules/', /^[a-z-]+\.md$/)) missing.push('extension/docs/rules/<rule>.md');
  if (manifest.l10n && !dir(`${ext(manifest.l10n)}/`, /^bundle\.l10n\..+\.json$/)) missing.push(`${ext(manifest.l10n)}/bundle.l10n.*.json`);
  // vsce renames these (readme.md, changelog.md, LICENSE.txt).
  for (const doc of ['README', 'CHANGELOG', 'LICENSE']) {
    if (!names.some((n) => new RegExp(`^extension/${doc}(\\.txt|\\.md)?$`, 'i').test(n))) missing.push(`extension/${doc}`);
  }
  return missing;
}

/** Every problem with a .vsix, as sentences; an empty list means it is fine. */
export function checkVsix(file) {
  const vsix = listVsix(file);
  const names = vsix.entries.map((e) => e.name);
  const problems = [];
  if (vsix.bytes > MAX_VSIX_BYTES) problems.push(`${file} is ${vsix.bytes} bytes, more than ${MAX_VSIX_BYTES}`);
  for (const name of names) {
    for (const [re, what] of FORBIDDEN) if (re.test(name)) problems.push(`${name}: ${what} must not ship`);
  }
  const manifestText = vsix.read('extension/package.json');
  if (!manifestText) return [...problems, 'extension/package.json is missing'];
  const manifest = JSON.parse(manifestText.toString('utf8'));
  for (const f of requiredFiles(manifest, names)) problems.push(`${f} is missing`);
  if (manifest.engines?.vscode !== '^1.100.0') problems.push(`engines.vscode is ${manifest.engines?.vscode}, expected ^1.100.0`);
  for (const field of ['scripts', 'devDependencies', 'dependencies']) {
    if (manifest[field] && Object.keys(manifest[field]).length) problems.push(`package.json ships "${field}" (everything is bundled)`);
  }
  return problems;
}
