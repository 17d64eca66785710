/**
 * Generates a corpus of realistic drafts from the source documents and the examples:
 * sections recombined across municipalities, names swapped, metadata varied, and some
 * drafts OCR-damaged the way scanned PDFs are (å/ä/ö lost, digits and symbols in words).
 * Deterministic (seeded), so runs are comparable.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusOptions {
  count: number;
  directory: string;
  seed?: number;
  /**
   * Almost no prose paragraph the same in two drafts (neighbouring words swapped twice in each), so
   * caches keyed on a paragraph's text gain nothing from the corpus being recombined from a
   * dozen documents; the words, and so the spelling work per word, stay the same.
   */
  distinctParagraphs?: boolean;
}

/** Swaps neighbouring words twice in every prose paragraph (not headings, lists, tables, front matter). */
function perturbParagraphs(text: string, rnd: () => number): string {
  const front = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? '';
  const body = text
    .slice(front.length)
    .split(/\n{2,}/)
    .map((paragraph) => {
      if (/^\s*(?:#|\||[-*+]\s|\d+[.)]\s|<|>)/.test(paragraph)) return paragraph;
      const words = paragraph.split(' ');
      if (words.length < 6) return paragraph;
      for (let swap = 0; swap < 2; swap++) {
        const i = 1 + Math.floor(rnd() * (words.length - 3));
        [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
      }
      return words.join(' ');
    });
  return front + body.join('\n\n');
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MUNICIPALITIES = ['Åmål', 'Alingsås', 'Lidköping', 'Arvika', 'Vänersby', 'Strandvik', 'Kungälv', 'Mölndal', 'Skövde', 'Härnösand', 'Östersund', 'Ljungby'];
const BODIES = ['kommunfullmäktige', 'kommunstyrelsen'];

/** OCR damage as seen in the seeds: diacritics lost, sometimes read as digits/symbols. */
export function ocrDamage(text: string, rnd: () => number): string {
  const map: Record<string, string[]> = { å: ['a', 'a', 'a', 'd'], ä: ['a', 'a', '&', 'é'], ö: ['o', 'o', '6', 'é', '¢'], Å: ['A'], Ä: ['A'], Ö: ['O', '0'] };
  return text.replace(/[åäöÅÄÖ]/g, (ch) => {
    const options = map[ch]!;
    return options[Math.floor(rnd() * options.length)]!;
  });
}

function sections(markdown: string): { head: string; parts: string[] } {
  const body = markdown.replace(/^---[\s\S]*?\n---\n/, '').replace(/<a id="[^"]*"><\/a>\n/g, '');
  const chunks = body.split(/\n(?=## )/);
  return { head: chunks[0]!, parts: chunks.slice(1) };
}

export function generateCorpus(repo: string, options: CorpusOptions): string[] {
  const rnd = random(options.seed ?? 20261123);
  // Its own sequence, so that the drafts are the same with and without the swaps.
  const swaps = random((options.seed ?? 20261123) + 1);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const sourceDir = join(repo, 'rules', 'sources');
  const sources = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(sourceDir, f), 'utf8'));
  const examples = readdirSync(join(repo, 'examples'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(repo, 'examples', f), 'utf8'));
  const pool = [...sources, ...examples].map(sections);
  const allParts = pool.flatMap((p) => p.parts);

  rmSync(options.directory, { recursive: true, force: true });
  mkdirSync(options.directory, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const municipality = pick(MUNICIPALITIES);
    const type = pick(['policy', 'strategi', 'riktlinje']);
    const base = pick(pool);
    const parts = [...base.parts];
    // Borrow a few sections from other documents, drop one now and then.
    for (let k = 0; k < 3; k++) if (rnd() < 0.5) parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, pick(allParts));
    if (rnd() < 0.3 && parts.length > 2) parts.splice(Math.floor(rnd() * parts.length), 1);
    const year = 2012 + Math.floor(rnd() * 14);
    const front =
      rnd() < 0.5
        ? `---\ntyp: ${type}\nbeslutad-av: ${pick(BODIES)}\nbeslutad: ${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}\nparagraf: "§ ${1 + Math.floor(rnd() * 200)}"\n${rnd() < 0.6 ? 'revideras: vart fjärde år\n' : ''}---\n\n`
        : '';
    let text = `${front}# Internationell ${type} för ${municipality}s kommun\n\n${base.head.replace(/^# .*\n/, '')}\n${parts.join('\n')}\n`;
    for (const name of ['Åmål', 'Alingsås', 'Lidköping', 'Arvika']) text = text.split(name).join(municipality);
    if (rnd() < 0.2) text = ocrDamage(text, rnd);
    if (options.distinctParagraphs) text = perturbParagraphs(text, swaps);
    const file = join(options.directory, `utkast-${String(i + 1).padStart(4, '0')}.md`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const count = Number(process.argv[2] ?? 400);
  const dir = process.argv[3] ?? join(process.cwd(), '.bench', 'corpus');
  const files = generateCorpus(process.cwd(), { count, directory: dir });
  console.log(`${files.length} drafts in ${dir}`);
}
