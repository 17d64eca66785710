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
    const text = heading.text.replace(/[:.]\s*$/, '').trim();
    const def = definitions.find((d) => {
      const m = findFirst(patterns.get(d.headings), text);
      // The heading starts with the section name ("Mål för det internationella arbetet") and is
      // a heading, not a sentence that mentions it.
      return m !== undefined && m.index === 0 && (text.length - m.end <= 12 || text.split(/\s+/).length <= 7);
    });
    const blocks: number[] = [];
    for (let b = heading.block + 1; b < doc.blocks.length && doc.blocks[b]!.start < next; b++) blocks.push(b);
    const section: Section = { heading, contentStart: heading.end, contentEnd: next, blocks };
    if (def) section.id = def.id;
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
