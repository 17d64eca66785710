import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, ParseCache, type LintResult } from '../../server/src/engine/index.js';
import { FIXTURES, REPO, TODAY } from '../helpers/paths.js';
import { engineOnce } from '../helpers/engineSetup.js';

/**
 * An editor lints every version of a draft through one ParseCache, which keeps parsed chunks
 * and check results between versions; the CLI lints each text from scratch. After any
 * sequence of edits both must report the same, or the editor and CI disagree.
 */
function drafts(): { name: string; text: string }[] {
  const files = [
    ...readdirSync(join(REPO, 'examples'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(REPO, 'examples', f)),
    ...readdirSync(join(FIXTURES, 'seeds'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(FIXTURES, 'seeds', f)),
  ];
  const texts = files.map((f) => ({ name: f.slice(REPO.length + 1), text: readFileSync(f, 'utf8') }));
  // Several documents in one, as the bench draft is built: repeated chunks share cache entries.
  const joined = texts.map((t) => t.text.replace(/^---[\s\S]*?\n---\n/, '')).join('\n\n');
  return [...texts, { name: 'all drafts joined', text: `---\ntyp: strategi\n---\n\n${joined}` }];
}

/** Typing, a new paragraph, a pasted sentence, a deletion across a paragraph break, a heading. */
const EDITS: readonly { at: number; remove: number; insert: string }[] = [
  { at: 0.5, remove: 0, insert: 'a' },
  { at: 0.5, remove: 0, insert: ' ' },
  { at: 0.5, remove: 0, insert: 'ansvar' },
  { at: 0.3, remove: 0, insert: '\n\nKommunstyrelsen ansvarar för uppföljningen som sker årligen.\n\n' },
  { at: 0.7, remove: 40, insert: '' },
  { at: 0.2, remove: 0, insert: '\n\n## Uppföljning\n\nPolicyn ska revideras vart fjärde år.' },
  { at: 0.9, remove: 0, insert: ' Antagen av kommunfullmäktige 2021-03-15.' },
  { at: 0.5, remove: 6, insert: '' },
  { at: 0.05, remove: 0, insert: 'x' },
  { at: 0.3, remove: 70, insert: '' },
];

/** What a lint reports, as plain data (the document itself is compared by the chunk tests). */
function reported(result: LintResult): unknown {
  return { diagnostics: result.diagnostics, facts: result.facts, title: result.title, sections: result.sections, documentType: result.documentType };
}

describe('incremental lint (editors) equals lint from scratch (CLI)', function () {
  this.timeout(300_000);
  const engine = engineOnce();

  for (const { name, text: original } of drafts()) {
    it(`after every edit of ${name}`, () => {
      const cache = new ParseCache();
      const options = { ruleSet: engine.ruleSet, today: TODAY, services: { ...engine.services } };
      let text = original;
      lintText(text, { ...options, parseCache: cache });
      for (const [i, edit] of EDITS.entries()) {
        const at = Math.floor(text.length * edit.at);
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
        const incremental = reported(lintText(text, { ...options, parseCache: cache }));
        const scratch = reported(lintText(text, options));
        assert.deepEqual(incremental, scratch, `edit ${i + 1} of ${name}`);
      }
    });
  }
});
