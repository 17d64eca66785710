import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDocument, ParseCache, type PolicyDocument } from '../../server/src/engine/index.js';

/**
 * Editors parse a draft chunk by chunk (split at blank lines) so an edit re-parses one chunk;
 * the CLI parses it whole. Both must see the same document, or the editor and CI disagree.
 */
const BLOCKS = [
  '# Internationell policy',
  '## Syfte',
  'Syfte:',
  'Kommunstyrelsen ansvarar för uppföljningen. Den redovisas årligen till kommunfullmäktige.',
  'En rad\nsom fortsätter\nlat.',
  '- punkt ett\n- punkt två\n\n  fortsättning i punkten',
  '1. första\n2. andra',
  '  - indragen punkt',
  '> citat\nfortsätter',
  '| Mål | Ansvar |\n| --- | --- |\n| Vänorter | KS |',
  '```\nkod\n\nmed tom rad\n```',
  '~~~yaml\ntyp: strategi\n~~~',
  '    indragen kod',
  '<!-- policylint-disable skall -->',
  '<!--\nflerradig\n\nkommentar\n-->',
  '<div>\nhtml\n</div>',
  '<div>\n```\n</div>',
  '<pre>\nkod\n\nmer kod\n</pre>',
  '<!DOCTYPE html>',
  '<!ELEMENT x\n\ny>',
  '<?php\n\n?>',
  '<![CDATA[\n\n]]>',
  '> ```\n> kod\n>\n> ```',
  '- punkt\n\n  ```\n  kod\n\n  ```',
  '```',
  '---',
  'text <!-- öppen',
  '-->',
  '***',
  'Rubrik\n======',
  '[länk](https://example.org) och <https://example.org>',
  'Fotnot[^1].',
  '[^1]: En fotnot.',
  '**Antagen:** 2020-02-25',
  '\t tabb',
  '',
];
// No BOM: lintText strips it before parsing.
const FRONT = ['', '---\ntyp: strategi\nantagen: 2020-02-25\n---\n', '---\n- inte en mappning\n---\n', '---\ntyp: policy\n...\n', '---\n'];

const draft = fc
  .tuple(fc.constantFrom(...FRONT), fc.array(fc.tuple(fc.constantFrom(...BLOCKS), fc.constantFrom('\n\n', '\n', '\n\n\n', '\r\n\r\n')), { maxLength: 14 }))
  .map(([front, blocks]) => front + blocks.map(([b, sep]) => b + sep).join(''));

/** What checks read from a parse, as plain data. */
function view(doc: PolicyDocument): unknown {
  const sentences = doc.sentences.map(({ offsets, base, ...s }) => ({ ...s, at: Array.from(offsets, (o) => o + base) }));
  return { blocks: doc.blocks, sentences, headings: doc.headings, tables: doc.tables, comments: doc.comments, frontMatter: doc.frontMatter, bodyStart: doc.bodyStart };
}

describe('chunked parsing (editors) equals whole parsing (CLI)', function () {
  this.timeout(60_000);

  it('on generated drafts', () => {
    fc.assert(
      fc.property(draft, (text) => {
        assert.deepEqual(view(parseDocument(text, new ParseCache())), view(parseDocument(text)));
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('after edits that reuse cached chunks', () => {
    fc.assert(
      fc.property(draft, fc.nat(), fc.constantFrom('x', '\n\n', '\n', '- ', '```\n', '<!--', '<', '>', '<pre>', ''), (text, at, insert) => {
        const cache = new ParseCache();
        parseDocument(text, cache);
        const i = text.length === 0 ? 0 : at % (text.length + 1);
        const edited = text.slice(0, i) + insert + text.slice(i);
        assert.deepEqual(view(parseDocument(edited, cache)), view(parseDocument(edited)));
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
