// Synthetic damage classes for eval:ocr, applied to clean Markdown texts with a fixed seed:
// Swedish typed without å/ä/ö (letters dropped, or the aa/ae/oe convention), and the
// damage PDF text extraction does (issue 11 step 4). Only prose is damaged: never front
// matter, code, URLs, link targets, tables or HTML.
import { random } from './bench/corpus.js';

export type DamageClass =
  | 'typed-without' // å/ä/ö typed as a/a/o
  | 'typed-digraph' // å/ä/ö typed as aa/ae/oe
  | 'line-hyphenation' // "kommun-\nfullmäktige"
  | 'inner-hyphen' // "kommunfull-mäktige"
  | 'lost-hyphen' // "EU-projekt" → "EUprojekt"
  | 'doubled-letter' // "organisation" → "organisationn"
  | 'ligature' // "fi" → "ﬁ", "fl" → "ﬂ"
  | 'soft-hyphen' // an invisible U+00AD inside a word
  | 'letter-spaced' // "## Mål och ambitioner" → "## M å l  o c h  a m b i t i o n e r"
  | 'page-furniture'; // "Sidan 3 av 7" and a repeated title between paragraphs

export const DAMAGE_CLASSES: readonly DamageClass[] = [
  'typed-without',
  'typed-digraph',
  'line-hyphenation',
  'inner-hyphen',
  'lost-hyphen',
  'doubled-letter',
  'ligature',
  'soft-hyphen',
  'letter-spaced',
  'page-furniture',
];

/** The inserted page furniture, to count what --fix removed. */
export const FOOTER = (page: number, pages: number) => `Sidan ${page} av ${pages}`;

const STRIP: Readonly<Record<string, string>> = { å: 'a', ä: 'a', ö: 'o', Å: 'A', Ä: 'A', Ö: 'O' };
const DIGRAPH: Readonly<Record<string, string>> = { å: 'aa', ä: 'ae', ö: 'oe', Å: 'Aa', Ä: 'Ae', Ö: 'Oe' };

/** Lines of a Markdown text that are plain paragraph prose (not headings, lists, tables …). */
function isProseLine(line: string): boolean {
  return line.trim() !== '' && !/^(?:\s|#|[-*+>|]|\d+[.)]\s|```|<|\[|---)/u.test(line);
}

interface Split {
  front: string;
  body: string;
}

function splitFront(markdown: string): Split {
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/u.exec(markdown)?.[0] ?? '';
  return { front, body: markdown.slice(front.length) };
}

// Code, link targets, autolinks, URLs and e-mail addresses stay as written.
const PROTECTED = /(`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>|\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gu;

/** Applies `damage` to the words of the prose outside protected spans, line by line. */
function mapWords(body: string, lineFilter: (line: string) => boolean, damage: (word: string) => string): string {
  return body
    .split('\n')
    .map((line) => {
      if (!lineFilter(line) || /^\s*\|/u.test(line)) return line;
      let out = '';
      let at = 0;
      for (const m of line.matchAll(PROTECTED)) {
        out += line.slice(at, m.index).replace(/[\p{L}]+(?:-[\p{L}]+)*/gu, damage) + m[0];
        at = m.index + m[0].length;
      }
      return out + line.slice(at).replace(/[\p{L}]+(?:-[\p{L}]+)*/gu, damage);
    })
    .join('\n');
}

const anyLine = (line: string) => !/^(?:\s{4}|```|<)/u.test(line);

/** `markdown` with one class of damage, deterministic for a seed. */
export function applyDamage(markdown: string, kind: DamageClass, seed: number): string {
  const rnd = random(seed);
  const { front, body } = splitFront(markdown);
  const chance = (p: number) => rnd() < p;
  let out: string;
  switch (kind) {
    case 'typed-without':
      out = mapWords(body, anyLine, (w) => w.replace(/[åäöÅÄÖ]/gu, (c) => STRIP[c]!));
      break;
    case 'typed-digraph':
      out = mapWords(body, anyLine, (w) => w.replace(/[åäöÅÄÖ]/gu, (c) => DIGRAPH[c]!));
      break;
    case 'inner-hyphen':
      out = mapWords(body, isProseLine, (w) => (/^\p{Ll}{10,}$/u.test(w) && chance(0.3) ? hyphenate(w, '-') : w));
      break;
    case 'line-hyphenation':
      // A hyphen and a line break inside a long word of a paragraph line.
      out = mapWords(body, isProseLine, (w) => (/^\p{Ll}{10,}$/u.test(w) && chance(0.3) ? hyphenate(w, '-\n') : w));
      break;
    case 'lost-hyphen':
      out = mapWords(body, anyLine, (w) => w.replace(/^(\p{Lu}{2,5})-(\p{Ll}{3,})$/u, '$1$2'));
      break;
    case 'doubled-letter':
      out = mapWords(body, anyLine, (w) => (/^\p{L}{6,}$/u.test(w) && !/(\p{L})\1$/u.test(w) && chance(0.08) ? w + w.slice(-1) : w));
      break;
    case 'ligature':
      out = mapWords(body, anyLine, (w) => (chance(0.5) ? w.replace(/fi/gu, '\u{FB01}').replace(/fl/gu, '\u{FB02}') : w));
      break;
    case 'soft-hyphen':
      out = mapWords(body, anyLine, (w) => (/^\p{L}{10,}$/u.test(w) && chance(0.3) ? hyphenate(w, '\u00AD') : w));
      break;
    case 'letter-spaced':
      out = body.replace(/^(#{1,6} )(.+)$/gmu, (line, hashes: string, title: string) =>
        /^[\p{L} ]+$/u.test(title)
          ? hashes +
            title
              .split(' ')
              .map((w) => [...w].join(' '))
              .join('  ')
          : line,
      );
      break;
    case 'page-furniture':
      out = insertFurniture(body, rnd);
      break;
  }
  return front + out;
}

/** Splits a word in the middle, after a vowel where one is near: "kommun" + "fullmäktige". */
function hyphenate(word: string, mark: string): string {
  const chars = [...word];
  let cut = chars.length >> 1;
  for (let d = 0; d < 3; d++)
    if (/[aeiouyåäö]/u.test(chars[cut - 1] ?? '') && !/[aeiouyåäö]/u.test(chars[cut] ?? '')) break;
    else cut++;
  cut = Math.min(Math.max(cut, 3), chars.length - 3);
  return chars.slice(0, cut).join('') + mark + chars.slice(cut).join('');
}

/** After about every third paragraph: a page footer and the document's title as a header. */
function insertFurniture(body: string, rnd: () => number): string {
  const blocks = body.split(/\n{2,}/u);
  const title = (/^# (.+)$/mu.exec(body)?.[1] ?? 'Internationell policy').trim();
  const pages = Math.max(2, Math.ceil(blocks.length / 3));
  const out: string[] = [];
  let page = 1;
  blocks.forEach((block, i) => {
    out.push(block);
    if (i > 0 && i % 3 === 2 && i < blocks.length - 1 && /^\p{L}/u.test(block) && rnd() < 0.9) {
      out.push(FOOTER(page, pages), title);
      page++;
    }
  });
  return out.join('\n\n');
}

/**
 * The damaged text as compareFix should see it: whitespace the damage put inside a word
 * (a line break after a hyphen, the spaces of a letter-spaced heading) becomes an invisible
 * separator of the same length, so the word stays one token and offsets do not move.
 */
export function comparisonView(damaged: string, kind: DamageClass): string {
  if (kind === 'line-hyphenation') return damaged.replace(/(?<=\p{L}-)\n(?=\p{Ll})/gu, SEPARATOR);
  if (kind === 'letter-spaced') {
    return damaged.replace(/^(#{1,6} )(.+)$/gmu, (_line, hashes: string, title: string) => hashes + title.replace(/(?<=\p{L}) (?=\p{L})/gu, SEPARATOR));
  }
  return damaged;
}

const SEPARATOR = '\u2063';
