import { strict as assert } from 'node:assert';
import { checkDocumentLimits, DEFAULT_LIMITS, type Limits } from '../../server/src/engine/limits.js';

const limits = (overrides: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...overrides });
const at = (text: string, overrides: Partial<Limits>): string | undefined => {
  const found = checkDocumentLimits(text, limits(overrides));
  return found && `${found.limit}@${found.range.start}:${found.found}`;
};

// The pre-scan jumps from one "*", "_" or "[" to the next; these pin what it counts and where.
describe('document limits (the pre-scan before parsing)', () => {
  it('counts emphasis delimiters per paragraph: a blank line starts the count again', () => {
    assert.equal(at('a *b* c\n\n*d*\n', { emphasisDelimiters: 3 }), undefined);
    assert.equal(at('a *b* c\n*d*\n', { emphasisDelimiters: 3 }), 'emphasisDelimiters@10:4');
    assert.equal(at('_a_ *b*', { emphasisDelimiters: 3 }), 'emphasisDelimiters@6:4');
  });

  it('counts a run of one delimiter character within a line, not across lines or other characters', () => {
    assert.equal(at('**\n**\n', { delimiterRun: 2 }), undefined);
    assert.equal(at('*_*_', { delimiterRun: 1 }), undefined);
    assert.equal(at('x ***', { delimiterRun: 2 }), 'delimiterRun@4:3');
    assert.equal(at('__ ___', { delimiterRun: 2 }), 'delimiterRun@5:3');
  });

  it('counts footnote references "[^", not other brackets, and points at the one past the limit', () => {
    assert.equal(at('[a] [^1] [b]', { footnotes: 1 }), undefined);
    assert.equal(at('[a] [^1] [^2]', { footnotes: 1 }), 'footnotes@9:2');
    assert.equal(at('Text[^1]\n\nMer[^2]\n', { footnotes: 1 }), 'footnotes@13:2');
  });

  it('skips front matter and counts after it', () => {
    assert.equal(at('---\ntitel: *a*\n---\n*b*\n', { emphasisDelimiters: 2 }), undefined);
    assert.equal(at('---\ntitel: a\n---\n*b* *c*\n', { emphasisDelimiters: 3 }), 'emphasisDelimiters@23:4');
  });
});
