import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePattern, findAll } from '../../server/src/engine/match/pattern.js';
import { FileError, lintText, loadRuleSet, PRESETS } from '../../server/src/engine/index.js';
import { schemaValidator } from '../../server/src/engine/rules/schemaValidators.js';
import { REPO, TODAY } from '../helpers/paths.js';

/** A copy of rules/ with one file edited, for rule-author mistakes. */
function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-authoring-'));
  cpSync(join(REPO, 'rules'), dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

const rulesDir = join(REPO, 'rules');
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.yml') && f !== 'sections.yml');

describe('rule authoring', () => {
  it('a pattern with a hyphen compiles and matches the hyphenated word', () => {
    // escapeChar escaped "-", which a u-flag expression rejects: the loader crashed.
    const re = compilePattern('e-tjänst*');
    assert.deepEqual(
      findAll(re, 'Fler e-tjänster och E-tjanst, men inte etjänst.').map((m) => m.text),
      ['e-tjänster', 'E-tjanst'],
    );
    assert.deepEqual(
      findAll(compilePattern('EU-program|EU-projekt'), 'EU-programmet, EU-program').map((m) => m.text),
      ['EU-program'],
    );
  });

  it('a rule file with a hyphenated pattern loads', () => {
    const dir = rulesWith('skall.yml', (t) => t.replace(/(\n {4}- match: )"?skall"?/, '$1"skall-krav"\n      replacement: "ska-krav"\n    - match: "skall"'));
    assert.ok(loadRuleSet(dir).rules.has('skall'));
  });

  it('a section rule without `section:` is refused, naming the file, the key and the kind', () => {
    const dir = rulesWith('purpose.yml', (t) => t.replace(/^section: syfte\n/m, ''));
    assert.throws(
      () => loadRuleSet(dir),
      (e: unknown) => {
        assert.ok(e instanceof FileError);
        assert.ok(e.file.endsWith('purpose.yml'));
        assert.match(e.message, /check\.kind "section" måste ha "section"/);
        // The line of `kind: section`, where the author looks.
        const lines = readFileSync(join(dir, 'purpose.yml'), 'utf8').split('\n');
        assert.equal(lines[e.line! - 1]!.trim(), 'kind: section');
        return true;
      },
    );
  });

  it('a key a kind does not know is refused with the key named', () => {
    const dir = rulesWith('purpose.yml', (t) => t.replace('  kind: section\n', '  kind: section\n  trigger: ["syfte"]\n'));
    assert.throws(() => loadRuleSet(dir), /purpose\.yml:\d+: \/check: okänd nyckel "trigger"/);
  });

  it('every rule file starts with a modeline naming the schema shipped in the repo', () => {
    for (const name of ruleFiles) {
      const first = readFileSync(join(rulesDir, name), 'utf8').split('\n')[0];
      assert.equal(first, '# yaml-language-server: $schema=./schema/rule.schema.json', name);
    }
  });

  it('every preset starts with a modeline naming the configuration schema', () => {
    for (const name of readdirSync(join(rulesDir, 'presets'))) {
      assert.equal(readFileSync(join(rulesDir, 'presets', name), 'utf8').split('\n')[0], '# yaml-language-server: $schema=../schema/config.schema.json', name);
    }
  });

  it('every key of the rule schema carries a description', () => {
    const schema = JSON.parse(readFileSync(join(rulesDir, 'schema', 'rule.schema.json'), 'utf8')) as unknown;
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      for (const [key, value] of Object.entries((o.properties ?? {}) as Record<string, unknown>)) {
        if (value !== true && !(value as { description?: string }).description) undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(o)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    // An `if` only selects a branch by the check's kind; every key a rule author writes is explained.
    assert.deepEqual(
      undescribed.filter((p) => !/\/if[./]/.test(p)),
      [],
    );
  });

  it('the configuration schema lists every rule with its title', () => {
    const config = JSON.parse(readFileSync(join(rulesDir, 'schema', 'config.schema.json'), 'utf8')) as { definitions: { rules: { properties: Record<string, { description: string }> } } };
    const ruleSet = loadRuleSet();
    assert.deepEqual(Object.keys(config.definitions.rules.properties).sort(), [...ruleSet.rules.keys()].sort());
    for (const rule of ruleSet.rules.values()) assert.ok(config.definitions.rules.properties[rule.id]!.description.startsWith(rule.title.sv));
  });
});

describe('configuration schema: rule options', () => {
  const validate = schemaValidator(join(rulesDir, 'schema', 'config.schema.json'), 'config');

  it('knows the options a check reads, with their types', () => {
    assert.equal(validate({ rules: { lix: ['warning', { ceiling: 45, minWords: 50, sections: false }] } }), true);
    assert.equal(validate({ rules: { lix: ['warning', { ceiling: 'high' }] } }), false);
    assert.equal(validate({ rules: { 'long-sentence': ['info', { maxWords: 30 }] } }), true);
    assert.equal(validate({ rules: { purpose: ['warning', { required: true }] } }), true);
    assert.equal(validate({ rules: { purpose: ['warning', { requiredFor: ['policy', 'okänd'] }] } }), true);
    assert.equal(validate({ rules: { purpose: ['warning', { requiredFor: ['handbok'] }] } }), false);
    // Rules without options, and ids the schema does not list, keep the general form.
    assert.equal(validate({ rules: { skall: 'off', 'no-such-rule': 'warning' } }), true);
  });
});

describe('document types: one list', () => {
  const ruleSet = loadRuleSet();
  const types = ruleSet.documentTypes.types.map((t) => t.id);

  it('the schemas and the presets follow rules/vocabulary/document-types.yml', () => {
    const rule = readFileSync(join(rulesDir, 'schema', 'rule.schema.json'), 'utf8');
    const config = JSON.parse(readFileSync(join(rulesDir, 'schema', 'config.schema.json'), 'utf8')) as { definitions: { documentType: { enum: string[] } } };
    assert.deepEqual(config.definitions.documentType.enum, types);
    assert.ok(rule.includes(JSON.stringify([...types, ruleSet.documentTypes.unknown], null, 2).replace(/\n/g, '\n' + ' '.repeat(18))));
    const presets = readdirSync(join(rulesDir, 'presets')).map((f) => f.replace(/\.yml$/, ''));
    for (const type of types) {
      assert.ok(presets.includes(type), `rules/presets/${type}.yml`);
      assert.match(readFileSync(join(rulesDir, 'presets', `${type}.yml`), 'utf8'), new RegExp(`^documentType: ${type}$`, 'm'));
    }
    assert.deepEqual([...PRESETS].sort(), presets.sort());
  });

  it('a type is read from its words in the title, the earliest first', () => {
    const typeOf = (title: string) => lintText(`# ${title}\n\nText.\n`, { today: TODAY }).documentType;
    assert.equal(typeOf('Handlingsplan för internationellt arbete'), 'plan');
    assert.equal(typeOf('Policy för deltagande i EU-program'), 'policy');
    assert.equal(typeOf('Riktlinjer för resor'), 'riktlinje');
    assert.equal(typeOf('Om vänorter'), undefined);
  });

  it('a document type file without words is refused with its line', () => {
    const dir = rulesWith(join('vocabulary', 'document-types.yml'), (t) => t.replace('words: [program]', 'words: []'));
    assert.throws(() => loadRuleSet(dir), /document-types\.yml:\d+: types\.3\.words: ska vara en lista med ord/);
  });
});

describe('Swedish word lists are data', () => {
  it('a continuation word read from swedish.yml lets the next sentence complete a statement', () => {
    const text = '# Internationell policy\n\n## Uppföljning\n\nArbetet följs upp årligen. Resultatet redovisas för kommunstyrelsen.\n';
    const partial = (dir?: string) =>
      lintText(text, { today: TODAY, ...(dir ? { ruleSet: loadRuleSet(dir) } : {}) })
        .diagnostics.filter((d) => d.ruleId === 'follow-up')
        .map((d) => d.messageKey);
    assert.deepEqual(partial(), []);
    // Without "resultatet" among the continuation words, the body is in a sentence of its own.
    const dir = rulesWith(join('vocabulary', 'swedish.yml'), (t) => t.replace(/\n\s*resultatet,/, '\n  '));
    assert.deepEqual(partial(dir), ['partial']);
  });

  it('an unknown list in swedish.yml is refused, naming the key', () => {
    const dir = rulesWith(join('vocabulary', 'swedish.yml'), (t) => `${t}\nfronting: [vid]\n`);
    assert.throws(() => loadRuleSet(dir), /swedish\.yml:\d+: fronting: okänd nyckel/);
  });
});
