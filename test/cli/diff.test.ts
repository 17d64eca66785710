import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from '../helpers/cli.js';
import { adoptedOn, WORDS } from './drafts.js';
import { sub } from './run.js';

interface Change {
  fact: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const OLD = adoptedOn('2025-06-10');
// The revision drops the review cycle (front matter and text) and hands leadership to another body.
const NEW = OLD.replace('revideras: vart fjärde år\n', '')
  .replace('Policyn ska revideras vart fjärde år, senast ett år efter valet. ', '')
  .replace('Kommunstyrelsen ansvarar för att leda', 'Socialnämnden ansvarar för att leda');

describe('policylint diff', function () {
  this.timeout(120_000);

  it('json: a removed review cycle, a changed responsible body and the problem it introduces', () => {
    assert.notEqual(NEW, OLD);
    const dir = workspace({ 'old.md': OLD, 'new.md': NEW, '.policylint/ordlista.txt': WORDS });
    const r = sub('diff', ['old.md', 'new.md', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const changes = JSON.parse(r.stdout) as Change[];
    for (const c of changes) assert.deepEqual(Object.keys(c), ['fact', 'change', 'before', 'after']);
    assert.deepEqual(
      changes.find((c) => c.fact === 'reviewCycle'),
      { fact: 'reviewCycle', change: 'removed', before: 'vart fjärde år', after: null },
    );
    assert.deepEqual(
      changes.find((c) => c.fact === 'reviewDue'),
      { fact: 'reviewDue', change: 'removed', before: '2029-06-10', after: null },
    );
    const responsible = changes.filter((c) => c.fact === 'responsible');
    assert.equal(responsible.length, 1);
    assert.equal(responsible[0]!.change, 'changed');
    assert.equal((responsible[0]!.before as { actor: string }).actor, 'Kommunstyrelsen');
    assert.equal((responsible[0]!.after as { actor: string }).actor, 'Socialnämnden');
    const introduced = changes.filter((c) => c.fact === 'problem' && c.change === 'added').map((c) => (c.after as { ruleId: string }).ruleId);
    assert.deepEqual(introduced, ['review-cycle']);
    // Nothing else about the adoption changed.
    assert.equal(
      changes.some((c) => c.fact.startsWith('adopted') || c.fact === 'paragraph'),
      false,
    );
  });

  it('the same file against itself: no changes; reversed: the problem is resolved and the cycle added', () => {
    const dir = workspace({ 'old.md': OLD, 'new.md': NEW, '.policylint/ordlista.txt': WORDS });
    assert.deepEqual(JSON.parse(sub('diff', ['old.md', 'old.md', '-f', 'json'], dir).stdout), []);
    const back = JSON.parse(sub('diff', ['new.md', 'old.md', '-f', 'json'], dir).stdout) as Change[];
    assert.ok(back.some((c) => c.fact === 'reviewCycle' && c.change === 'added' && c.after === 'vart fjärde år'));
    assert.ok(back.some((c) => c.fact === 'problem' && c.change === 'removed' && (c.before as { ruleId: string }).ruleId === 'review-cycle'));
  });

  it('goals and sections added or removed; problems that only move are no change', () => {
    const withGoal = OLD.replace('- kommunen bevakar EU-frågor', '- kommunen deltar i två nya nätverk\n- kommunen bevakar EU-frågor').replace(
      '## Revidering',
      '## Kommunikation\n\nKommunen berättar om arbetet.\n\n## Revidering',
    );
    const dir = workspace({ 'old.md': OLD, 'new.md': withGoal, '.policylint/ordlista.txt': WORDS });
    const changes = JSON.parse(sub('diff', ['old.md', 'new.md', '-f', 'json'], dir).stdout) as Change[];
    assert.deepEqual(
      changes.filter((c) => c.fact === 'goal'),
      [{ fact: 'goal', change: 'added', before: null, after: 'kommunen deltar i två nya nätverk' }],
    );
    assert.deepEqual(
      changes.filter((c) => c.fact === 'section'),
      [{ fact: 'section', change: 'added', before: null, after: 'Kommunikation' }],
    );
    assert.equal(changes.filter((c) => c.fact === 'problem').length, 0, JSON.stringify(changes));
  });

  it('--git REV FILE compares with the committed version; stylish and markdown say it in words', () => {
    const dir = workspace({ 'policy.md': OLD, '.policylint/ordlista.txt': WORDS });
    const git = (...args: string[]): void => {
      const r = spawnSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' },
      });
      assert.equal(r.status, 0, r.stderr);
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'antagen');
    writeFileSync(join(dir, 'policy.md'), NEW);
    const stylish = sub('diff', ['--git', 'HEAD', 'policy.md'], dir);
    assert.equal(stylish.code, 0, stylish.stderr);
    assert.match(stylish.stdout, /^policy\.md@HEAD → policy\.md\n/);
    assert.match(stylish.stdout, /- Revideringscykel borttagen: vart fjärde år/);
    assert.match(stylish.stdout, /~ Ansvar ändrad: Kommunstyrelsen \(\w+\) → Socialnämnden/);
    const md = sub('diff', ['--git', 'HEAD', 'policy.md', '-f', 'markdown', '--lang', 'en'], dir);
    assert.match(md.stdout, /^### Changes in governance: `policy\.md@HEAD` → `policy\.md`/);
    assert.match(md.stdout, /➖ Review cycle removed: vart fjärde år/);
    assert.match(md.stdout, /\*\*Problems\*\*\n\n- 🔺 new: /);
    const bad = sub('diff', ['--git', 'no-such-rev', 'policy.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /git show no-such-rev/);
  });

  it('usage errors exit 2 and say what is wanted', () => {
    const dir = workspace({ 'a.md': OLD });
    const r = sub('diff', ['a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /diff vill ha två filer/);
  });
});
