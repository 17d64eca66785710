import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { lintText, loadRuleSet, loadServices, ParseCache, type Services } from '../../server/src/engine/index.js';
import { REPO, TODAY } from '../helpers/paths.js';

/**
 * Whole copies of a document in the heap: string nodes at least as large as the text. An
 * editor lints every version; a cache keyed on a slice, or a word cut from a paragraph, keeps
 * its parent string alive, and then every version of a long draft stays in memory.
 */
async function copiesInHeap(length: number, marker: string): Promise<number> {
  const session = new Session();
  session.connect();
  const chunks: string[] = [];
  session.on('HeapProfiler.addHeapSnapshotChunk', (m) => chunks.push(m.params.chunk));
  await session.post('HeapProfiler.collectGarbage');
  await session.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.disconnect();
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const nameAt = fields.indexOf('name');
  const stringType = types.indexOf('string');
  let copies = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    // Module sources (the dictionary's WebAssembly as base64, generated validators) are large
    // strings too: a copy of the document is known by its opening.
    if (snapshot.nodes[i + typeAt] !== stringType || snapshot.nodes[i + sizeAt]! < length) continue;
    if (snapshot.strings[snapshot.nodes[i + nameAt]!]?.startsWith(marker)) copies++;
  }
  return copies;
}

describe('an editing session keeps no stale copies of the document', function () {
  this.timeout(180_000);
  let services: Services;
  before(async () => {
    services = await loadServices();
  });

  it('holds at most the current version after 60 edits of a 100 KB draft (spelling on)', async () => {
    const ruleSet = loadRuleSet();
    const base = readFileSync(join(REPO, 'examples', 'strandvik-internationell-strategi.md'), 'utf8');
    let text = '';
    for (let i = 0; text.length < 100_000; i++) text += `${base.replace('# Internationell strategi', `## Del ${i}`)}\n\n`;
    const cache = new ParseCache();
    for (let i = 0; i < 60; i++) {
      // Typing at spread-out places, so that each edit changes a different chunk and paragraph.
      const at = Math.floor((text.length * ((i * 37) % 100)) / 100);
      text = `${text.slice(0, at)} ordet${i}${text.slice(at)}`;
      lintText(text, { ruleSet, parseCache: cache, services: { ...services }, today: TODAY });
    }
    const copies = await copiesInHeap(text.length - 1_000, text.slice(0, 40));
    // The current version, which this test holds; a cache that pins a slice of an old version
    // adds one per version it keeps.
    assert.equal(copies, 1, `${copies} copies of the document are alive after 60 edits`);
    assert.ok(cache.blocks, 'the parse cache is still in use (kept alive until here)');
  });
});
