import type { PolicyDocument, Heading_ } from '../document/parse.js';
import type { PatternCache } from '../match/pattern.js';
import { findFirst } from '../match/pattern.js';
import type { SectionDefinition } from '../rules/model.js';

export interface Section {
  heading: Heading_;
  /** The section definition this heading matches, if any. */
  id?: string;
  /** From the end of the heading to the next heading of the same or a higher level. */
  contentStart: number;
  contentEnd: number;
  /** Indexes of the blocks in the section (headings of subsections included). */
  blocks: number[];
}

/**
 * Section ids by heading text, per set of definitions: an editor finds the sections on every
 * keystroke, and matching each heading against every definition's patterns was most of it.
 */
const idsByDefinitions = new WeakMap<readonly SectionDefinition[], Map<string, string | undefined>>();
/** Enough for any document's headings; a long session that types many new ones starts over. */
const MAX_IDS = 5_000;

function sectionId(headingText: string, definitions: readonly SectionDefinition[], patterns: PatternCache): string | undefined {
  let ids = idsByDefinitions.get(definitions);
  if (!ids) idsByDefinitions.set(definitions, (ids = new Map<string, string | undefined>()));
  if (ids.has(headingText)) return ids.get(headingText);
  const text = headingText.replace(/[:.]\s*$/, '').trim();
  const def = definitions.find((d) => {
    const m = findFirst(patterns.get(d.headings), text);
    // The heading starts with the section name ("Mål för det internationella arbetet") and is
    // a heading, not a sentence that mentions it.
    return m !== undefined && m.index === 0 && (text.length - m.end <= 12 || text.split(/\s+/).length <= 7);
  });
  if (ids.size >= MAX_IDS) ids.clear();
  // Kept by a copy: the heading's text is a slice of its chunk, which it would keep alive.
  ids.set(Buffer.from(headingText, 'utf16le').toString('utf16le'), def?.id);
  return def?.id;
}

export function findSections(doc: PolicyDocument, definitions: readonly SectionDefinition[], patterns: PatternCache): Section[] {
  const headings = doc.headings;
  const sections: Section[] = [];
  headings.forEach((heading, i) => {
    let next = doc.text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= heading.depth) {
        next = headings[j]!.start;
        break;
      }
    }
    const id = sectionId(heading.text, definitions, patterns);
    const blocks: number[] = [];
    for (let b = heading.block + 1; b < doc.blocks.length && doc.blocks[b]!.start < next; b++) blocks.push(b);
    const section: Section = { heading, contentStart: heading.end, contentEnd: next, blocks };
    if (id !== undefined) section.id = id;
    sections.push(section);
  });
  return sections;
}

/** The document title: the first level-1 heading, else the first heading, else the first block. */
export function findTitle(doc: PolicyDocument): { start: number; end: number; text: string } {
  const h1 = doc.headings.find((h) => h.depth === 1 && !h.pseudo) ?? doc.headings[0];
  if (h1) return { start: h1.start, end: h1.end, text: h1.text };
  const first = doc.blocks[0];
  if (first) {
    const lineEnd = doc.lines.lineEnd(doc.lines.lineOf(first.start));
    return { start: first.start, end: Math.max(first.start, lineEnd), text: first.text.split('\n')[0] ?? '' };
  }
  return { start: doc.bodyStart, end: doc.bodyStart, text: '' };
}
