import { strict as assert } from 'node:assert';
import { MIN_FILES_PER_WORKER, workerCount } from '../../server/src/cli/pool.js';

describe('how many worker threads the CLI starts', () => {
  it('starts none on two cores (one thread was as fast there, with half the memory)', () => {
    assert.equal(workerCount(1_600, undefined, 2), 0);
    assert.equal(workerCount(1_600, undefined, 1), 0);
  });

  it('on more cores, one per core once there are enough files to share', () => {
    assert.equal(workerCount(MIN_FILES_PER_WORKER - 1, undefined, 8), 0);
    assert.equal(workerCount(MIN_FILES_PER_WORKER * 2, undefined, 8), 2);
    assert.equal(workerCount(10_000, undefined, 8), 8);
  });

  it('does what --workers asks, whatever the cores', () => {
    assert.equal(workerCount(10, 2, 2), 2);
    assert.equal(workerCount(10_000, 0, 16), 0);
  });
});
