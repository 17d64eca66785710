import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigLoader, checkDocumentLimits, DEFAULT_LIMITS, FileError, lintText, loadRuleSet, parseLimits, readFileSafely, resolveLimits, type Limits } from '../../server/src/engine/index.js';
import { CHECKS } from '../../server/src/engine/checks/index.js';
import { TODAY } from '../helpers/paths.js';

/**
 * Hostile input for the engine: files that are not what they claim (FIFOs, /dev/zero, /proc,
 * links out of the workspace), YAML alias bombs, structures that made the parser or checks
 * take minutes or overflow the stack. Every case ends within seconds with a clear message.
 */
const ruleSet = loadRuleSet();

function dir(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'policylint-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** Runs `fn`, asserting it finished within `ms`; returns its value. */
function within<T>(ms: number, fn: () => T): T {
  const started = performance.now();
  const value = fn();
  const took = performance.now() - started;
  assert.ok(took < ms, `took ${Math.round(took)} ms (bound ${ms})`);
  return value;
}

function configError(root: string, file = join(root, 'a.md'), roots: string[] = [root]): FileError {
  try {
    new ConfigLoader(ruleSet, { roots }).forFile(file);
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  assert.fail('expected a FileError');
}

describe('hostile: files read as data', function () {
  this.timeout(30_000);

  it('reads a FIFO without blocking and refuses it, naming what it is', function () {
    const root = dir();
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    const read = within(1000, () => readFileSafely(join(root, 'pipe.md'), { maxBytes: 1024 }));
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.reason.sv : '', /FIFO/);
  });

  it('refuses /dev/zero without reading a byte past the limit', () => {
    const read = within(1000, () => readFileSafely('/dev/zero', { maxBytes: 1024 }));
    assert.ok(!read.ok && read.code === 'special', 'a character device');
  });

  it('bounds files that report size 0 (/proc)', () => {
    const read = within(1000, () => readFileSafely('/proc/self/maps', { maxBytes: 16 }));
    assert.ok(!read.ok && read.code === 'too-large');
  });

  it('refuses a link out of the workspace but reads one inside it', () => {
    const outside = dir({ 'secret.md': 'aws_secret_access_key = K\n' });
    const root = dir({ 'real.md': 'inne\n' });
    symlinkSync(join(outside, 'secret.md'), join(root, 'notes.md'));
    symlinkSync(join(root, 'real.md'), join(root, 'alias.md'));
    const out = readFileSafely(join(root, 'notes.md'), { maxBytes: 1024, within: [root] });
    assert.ok(!out.ok && out.code === 'outside');
    const inside = readFileSafely(join(root, 'alias.md'), { maxBytes: 1024, within: [root] });
    assert.ok(inside.ok && inside.bytes.toString() === 'inne\n');
  });
});

describe('hostile: configuration files', function () {
  this.timeout(30_000);

  for (const target of ['/etc/passwd', '/proc/self/environ', '/dev/zero']) {
    it(`extends: ${target} is refused by name and quotes nothing of it`, () => {
      const root = dir({ '.policylintrc.yaml': `extends: ${target}\n`, 'a.md': '# P\n' });
      const error = within(2000, () => configError(root));
      assert.match(error.message, /inte är en konfiguration|not a configuration/);
      assert.doesNotMatch(error.message, /root:|PATH=|HOME=/);
      assert.equal(error.line, 1);
    });
  }

  it('extends through a link named .yaml to a file outside the workspace is refused', () => {
    const outside = dir({ 'env.yaml': 'TOKEN: hemligt\n' });
    const root = dir({ '.policylintrc.yaml': 'extends: ./shared.yaml\n', 'a.md': '# P\n' });
    symlinkSync(join(outside, 'env.yaml'), join(root, 'shared.yaml'));
    const error = configError(root);
    assert.match(error.message, /ut ur arbetsytan|outside the workspace/);
    assert.doesNotMatch(error.message, /TOKEN|hemligt/);
  });

  it('a config, extends target or word list that is /dev/zero or a FIFO is a file error within a second', () => {
    for (const setup of [
      (root: string) => symlinkSync('/dev/zero', join(root, '.policylintrc.yaml')),
      (root: string) => execFileSync('mkfifo', [join(root, '.policylintrc.yaml')]),
      (root: string) => {
        writeFileSync(join(root, '.policylintrc.yaml'), 'extends: ./z.yml\n');
        execFileSync('mkfifo', [join(root, 'z.yml')]);
      },
      (root: string) => {
        mkdirSync(join(root, '.policylint'));
        symlinkSync('/dev/zero', join(root, '.policylint', 'ordlista.txt'));
      },
    ]) {
      const root = dir({ 'a.md': '# P\n' });
      setup(root);
      // No roots: even outside any workspace a device or a FIFO is never read.
      const error = within(1000, () => configError(root, join(root, 'a.md'), []));
      assert.match(error.message, /teckenenhet|FIFO/);
    }
  });

  it('a config larger than configBytes is refused', () => {
    const root = dir({ '.policylintrc.yaml': `words:\n${'  - ord\n'.repeat(2000)}`, 'a.md': '# P\n' });
    const error = (() => {
      try {
        new ConfigLoader(ruleSet, { limits: { configBytes: 1000 } }).forFile(join(root, 'a.md'));
      } catch (e) {
        return e as FileError;
      }
      return assert.fail('expected a FileError');
    })();
    assert.match(error.message, /för stor|too large/);
  });

  it('a YAML alias bomb is a file error, not a ReferenceError', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++)
      bomb += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const root = dir({ '.policylintrc.yaml': `${bomb}words: *a11\n`, 'a.md': '# P\n' });
    const error = within(2000, () => configError(root));
    assert.match(error.message, /YAML-alias/);
  });

  it('160,000 configured words load without a stack overflow', () => {
    const root = dir({ '.policylintrc.yaml': `words:\n${Array.from({ length: 160_000 }, (_, i) => `  - ord${i}\n`).join('')}`, 'a.md': '# P\n' });
    const config = within(20_000, () => new ConfigLoader(ruleSet, { limits: { configBytes: 8 * 1024 * 1024 } }).forFile(join(root, 'a.md')));
    assert.equal(config.words.length, 160_000);
  });
});

describe('hostile: documents too deep or too large to parse', function () {
  this.timeout(60_000);

  const cases: [keyof Limits, string, RegExp][] = [
    ['nesting', `# P\n\n${'> '.repeat(2000)}x\n`, /för djupt nästlat/],
    ['nesting', `# P\n\n${'* '.repeat(50_000)}x\n`, /för djupt nästlat/],
    ['nesting', `# P\n\n${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')}\n`, /för djupt nästlat/],
    ['headings', Array.from({ length: 100_000 }, (_, i) => `# Rubrik ${i}\n\n`).join(''), /för stort/],
    ['footnotes', `# P\n\n${Array.from({ length: 20_000 }, (_, i) => `Text[^${i}].`).join('\n')}\n`, /för stort/],
    ['frontMatterKeys', `---\n${Array.from({ length: 20_000 }, (_, i) => `nyckel${i}: v`).join('\n')}\n---\n# P\n`, /för stort/],
    ['emphasisDelimiters', `# P\n\n${'*a '.repeat(30_000)}\n`, /för djupt nästlat/],
    ['delimiterRun', `# P\n\n${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`, /för djupt nästlat/],
  ];
  for (const [limit, text, message] of cases) {
    it(`refuses before parsing, with one clear finding: ${limit} (${text.length} chars)`, () => {
      const result = within(3000, () => lintText(text, { ruleSet, today: TODAY }));
      assert.equal(result.diagnostics.length, 1);
      const [d] = result.diagnostics;
      assert.equal(d!.ruleId, 'syntax');
      assert.equal(d!.severity, 'error');
      assert.equal(d!.messageKey, `limit:${limit}`);
      assert.match(d!.message.sv, message);
      assert.match(d!.message.en, new RegExp(limit));
    });
  }

  it('a raised limit lets the same document through', () => {
    const text = `# P\n\n${Array.from({ length: 1500 }, (_, i) => `Text[^${i}].`).join('\n')}\n`;
    assert.equal(checkDocumentLimits(text, DEFAULT_LIMITS)?.limit, 'footnotes');
    assert.equal(checkDocumentLimits(text, resolveLimits({ footnotes: 2000 })), undefined);
    assert.equal(checkDocumentLimits(text, resolveLimits({}, 'footnotes=2000')), undefined);
  });

  it('parses limits strictly', () => {
    assert.deepEqual(parseLimits('headings=10, nesting=5'), { headings: 10, nesting: 5 });
    assert.throws(() => parseLimits('depth=5'), /okänd gräns/);
    assert.throws(() => parseLimits('headings=0'), /heltal/);
    assert.throws(() => parseLimits('headings=1e999'), /heltal/);
  });

  it('the seed-sized documents stay far below every limit', () => {
    const text = `---\ntyp: policy\n---\n# Policy\n\n${'## Avsnitt\n\n- punkt\n  - underpunkt\n\n> citat med *betoning* och [^1]\n\n'.repeat(200)}[^1]: Not.\n`;
    assert.equal(checkDocumentLimits(text, DEFAULT_LIMITS), undefined);
  });
});

describe('hostile: no silent loss', function () {
  this.timeout(60_000);

  it('a check that throws becomes a finding naming the rule; the other rules still report', () => {
    const rule = ruleSet.rules.get('skall')!;
    const original = CHECKS[rule.check.kind];
    CHECKS[rule.check.kind] = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    try {
      const result = lintText('# Policy\n\nDet skall ske.\n', { ruleSet, today: TODAY });
      const failed = result.diagnostics.filter((d) => d.messageKey === 'internal');
      assert.ok(failed.some((d) => d.ruleId === 'skall' && /Regeln skall kunde inte granska/.test(d.message.sv) && /RangeError/.test(d.message.sv)));
      assert.ok(
        result.diagnostics.some((d) => d.ruleId === 'purpose'),
        'the other checks ran',
      );
    } finally {
      CHECKS[rule.check.kind] = original;
    }
  });

  it('a check with 200,000 findings does not overflow the stack', () => {
    const rule = ruleSet.rules.get('skall')!;
    const original = CHECKS[rule.check.kind];
    CHECKS[rule.check.kind] = () => Array.from({ length: 200_000 }, (_, i) => ({ ruleId: 'skall', range: { start: i % 10, end: (i % 10) + 1 }, message: { sv: 'x', en: 'x' } }));
    try {
      const only = { ...ruleSet, rules: new Map([['skall', rule]]) };
      const result = within(20_000, () => lintText('# Policy\n\nDet skall ske.\n', { ruleSet: only, today: TODAY }));
      assert.equal(result.diagnostics.length, 200_000);
    } finally {
      CHECKS[rule.check.kind] = original;
    }
  });
});
