import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyFixes, lintText, loadRuleSet, loadServices, type Diagnostic, type Services } from '../../server/src/engine/index.js';
import { TODAY } from '../helpers/paths.js';

/**
 * Exact positions and protected text, over generated Markdown where the parser's text differs
 * from the source: wrapped list items, block quotes, entities, escapes, tables with escaped
 * pipes, indented code, CRLF. Two properties:
 * - the text under every word finding is the word its message names, and every fix's range
 *   holds the text the rule matched;
 * - --fix, run until nothing is left, never changes a protected piece (URL, address, code,
 *   quotation, block quote, sentence about the past, a name inside a longer name).
 *
 * Runs RUNS documents (default 400; POLICYLINT_POSITION_RUNS=100000 for the long run) with a
 * fixed seed, or POLICYLINT_SEED for another, printed on failure by fast-check.
 */
const RUNS = Number(process.env.POLICYLINT_POSITION_RUNS ?? 400);
const SEED = Number(process.env.POLICYLINT_SEED ?? 20261126);
const ruleSet = loadRuleSet();

/** Present-tense prose with words that replacement and word rules act on. */
const PROSE = [
  'Kommunen skall verka för utbyte',
  'Ungdomsstyrelsen stöder projektet',
  'Vi söker stöd hos Ungdomsstyrelsens kontor',
  'SKL:s nätverk ska användas',
  'landstingets ansvar gäller',
  'Programkontoret ger råd',
  'det skall ske årligen',
  'Kommunstyrelsen ansvarar för arbetet',
  'arbetet följs upp årligen',
  'Mälardalens kommuner och Växjö deltar',
];

/** Pieces no fix may change, each with "skall" or an old name inside. */
const PROTECTED = [
  '<https://www.skl.se/skall-delta>',
  'skall@skl.se',
  '`skall`',
  'https://www.skl.se/ungdomsstyrelsen/skall',
  '”Kommunen skall arbeta internationellt”',
  '"Ungdomsstyrelsen skall stödja"',
  '«landstinget skall besluta»',
  'Landstinget Dalarna antog 2005 en plan.',
  'Ungdomsstyrelsen bytte 2015 namn till MUCF.',
  'SKL International driver projekt.',
  'Sveriges Kommuner och Landsting hette så fram till 2019.',
];

const SEPARATORS = [' ', ' och ', ', ', '. ', ' &amp; ', ' \\* ', ' &#8211; ', '\n', '\r\n'];

const sentence = fc.tuple(fc.constantFrom(...PROSE), fc.constantFrom(...SEPARATORS), fc.constantFrom(...PROSE, ...PROTECTED)).map(([a, sep, b]) => `${a}${sep}${b}`);

/** A block: the same sentences in the containers whose text the parser rewrites. */
const block = fc
  .tuple(fc.constantFrom('p', 'wrapped-list', 'ordered', 'quote', 'table', 'heading', 'indented-code', 'fenced-code', 'html'), fc.array(sentence, { minLength: 1, maxLength: 3 }))
  .map(([kind, parts]) => {
    const text = parts.join('. ');
    switch (kind) {
      case 'wrapped-list':
        return `- ${parts.join('\n  ')}`;
      case 'ordered':
        return `2) ${parts.join('\n   ')}`;
      case 'quote':
        return `> ${parts.join('\n> ')}`;
      case 'table':
        return `| a | b |\n| --- | --- |\n| ${parts[0]!.replace(/\|/g, '\\|')} \\| x | ${parts.slice(1).join(' ') || 'y'} |`;
      case 'heading':
        return `## ${parts[0]}`;
      case 'indented-code':
        // The comment ends a list before it, so the indented line is code, not a list paragraph.
        return `<!-- kod -->\n\n    ${text}`;
      case 'fenced-code':
        return `\`\`\`\n${text}\n\`\`\``;
      case 'html':
        return `<div>\n${text}\n</div>`;
      default:
        return text;
    }
  });

const documentArb = fc.tuple(fc.array(block, { minLength: 1, maxLength: 8 }), fc.boolean()).map(([blocks, crlf]) => {
  const text = `# Internationell policy för Testby kommun\n\n${blocks.join('\n\n')}\n`;
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
});

/** The word a finding names, from its data (spelling, OCR, replacement rules). */
function namedWord(d: Diagnostic): string | undefined {
  const value = d.data?.found ?? d.data?.word;
  return typeof value === 'string' ? value : undefined;
}

/** Every occurrence of a protected piece must survive --fix. */
function protectedCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const piece of PROTECTED) counts.set(piece, text.split(piece).length - 1);
  for (const m of text.matchAll(/```[\s\S]*?```|<div>[\s\S]*?<\/div>|^ {4}.*$|^>.*$/gm)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

function fixUntilStable(text: string, services: Services): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const outcome = applyFixes(current, lintText(current, { today: TODAY, ruleSet, services: { ...services } }).diagnostics);
    assert.deepEqual(
      outcome.dropped.map((d) => d.ruleId),
      [],
      'a safe fix did not hold the text it matched',
    );
    if (outcome.applied === 0) return current;
    current = outcome.text;
  }
  return current;
}

describe('exact positions and protected text (fast-check)', function () {
  this.timeout(Math.max(120_000, RUNS * 200));
  let services: Services;
  before(async () => {
    services = await loadServices();
  });

  it('the text under every word finding is the word it names, and every fix holds its text', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const { diagnostics } = lintText(text, { today: TODAY, ruleSet, services: { ...services } });
        for (const d of diagnostics) {
          const word = namedWord(d);
          if (word !== undefined) assert.equal(text.slice(d.range.start, d.range.end), word, `${d.ruleId} underlines other text than "${word}"`);
          for (const fix of d.fixes ?? []) {
            for (const e of fix.edits) if (e.expect !== undefined) assert.equal(text.slice(e.start, e.end), e.expect, `${d.ruleId} fix range`);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('--fix never changes a URL, address, code, quotation, historical sentence or longer name', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const fixed = fixUntilStable(text, services);
        const before = protectedCounts(text);
        const after = protectedCounts(fixed);
        for (const [piece, count] of before) assert.equal(after.get(piece) ?? 0, count, `--fix changed ${JSON.stringify(piece)}`);
        assert.equal(fixUntilStable(fixed, services), fixed, 'a second --fix run changes the text again');
      }),
      { numRuns: Math.max(50, Math.round(RUNS / 4)), seed: SEED + 1 },
    );
  });
});
