import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadYamlFile, parseYamlText } from '../../server/src/engine/rules/yamlFile.js';
import { snapshotEntry, snapshotParse } from '../../server/src/engine/rules/parsedSnapshot.js';
import { loadRuleSet } from '../../server/src/engine/index.js';
import { frontMatterOf, parseFrontMatter } from '../../server/src/engine/rules/sources.js';
import { parse as parseYaml } from 'yaml';
import { REPO } from '../helpers/paths.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('the build snapshot of the bundled YAML (rules/.parsed.json)', () => {
  before(() => loadRuleSet());

  it('gives every bundled YAML file exactly the data parsing it gives', () => {
    const files = yamlFiles(join(REPO, 'rules'));
    assert.ok(files.length > 30, `only ${files.length} YAML files under rules/`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const parsed = parseYamlText(text, file).data;
      const entry = snapshotEntry(text, parsed);
      assert.ok(entry, `${file}: its parse does not survive JSON, so it is never taken from the snapshot`);
      assert.deepEqual(snapshotParse(text), parsed, `${file}: the snapshot (npm run build writes it) is missing or differs from the file`);
    }
  });

  it("gives every source document's front matter exactly the data parsing it gives", () => {
    const sources = readdirSync(join(REPO, 'rules', 'sources')).filter((f) => f.endsWith('.md'));
    assert.ok(sources.length >= 4);
    for (const name of sources) {
      const yaml = frontMatterOf(readFileSync(join(REPO, 'rules', 'sources', name), 'utf8'));
      assert.ok(yaml, `${name} has front matter`);
      assert.deepEqual(snapshotParse(yaml), parseYaml(yaml), `${name}: the snapshot is missing or differs`);
      assert.deepEqual(parseFrontMatter(yaml), parseYaml(yaml));
    }
    assert.deepEqual(parseFrontMatter('id: ny-källa\ntitle: Inte i snapshoten\n'), { id: 'ny-källa', title: 'Inte i snapshoten' });
  });

  it('never answers for an edited file: a changed value is read from the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-snapshot-'));
    try {
      const original = readFileSync(join(REPO, 'rules', 'skall.yml'), 'utf8');
      const copy = join(dir, 'skall.yml');
      writeFileSync(copy, original);
      assert.deepEqual(loadYamlFile(copy).data, parseYamlText(original, copy).data);
      const edited = original.replace(/^severity: \w+/m, 'severity: error');
      assert.notEqual(edited, original, 'skall.yml has no top-level severity line to edit');
      writeFileSync(copy, edited);
      assert.equal((loadYamlFile(copy).data as { severity: string }).severity, 'error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps data JSON cannot carry out of the snapshot (.inf would come back as null)', () => {
    const text = 'gräns: .inf\n';
    assert.equal(snapshotEntry(text, parseYamlText(text, 'x.yml').data), undefined);
  });

  it('still names the line of a schema error for a file taken from the snapshot', () => {
    const text = readFileSync(join(REPO, 'rules', 'skall.yml'), 'utf8').replace(/^\uFEFF/, '');
    const dir = mkdtempSync(join(tmpdir(), 'policylint-snapshot-'));
    try {
      writeFileSync(join(dir, 'skall.yml'), text);
      const loaded = loadYamlFile(join(dir, 'skall.yml'));
      assert.ok(loaded.lines.linePos(text.indexOf('severity')).line >= 1);
      assert.ok(loaded.doc.get('id'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
