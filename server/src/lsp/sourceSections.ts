import { readFileSync } from 'node:fs';
import { findSections, parseDocument, patternsFor, sourceClauseUri, type RuleSet, type SourceDocument } from '../engine/index.js';

/** What one bundled source document says in a section (for hover on a heading). */
export interface SourceSection {
  source: SourceDocument;
  heading: string;
  excerpt: string;
  /** Link to the heading in the bundled source document. */
  uri: string;
}

const indexes = new WeakMap<RuleSet, Map<string, SourceSection[]>>();

const MAX_EXCERPT = 420;

function excerpt(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_EXCERPT) return clean;
  const cut = clean.lastIndexOf(' ', MAX_EXCERPT);
  return `${clean.slice(0, cut > 200 ? cut : MAX_EXCERPT)} …`;
}

/**
 * Section id → what each source document says there, found by running the same section
 * detection the checks use over the bundled source documents. Built once per rule set.
 */
export function sourceSections(ruleSet: RuleSet): Map<string, SourceSection[]> {
  let index = indexes.get(ruleSet);
  if (index) return index;
  index = new Map();
  const patterns = patternsFor(ruleSet);
  for (const source of ruleSet.sources.values()) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8');
    } catch {
      continue;
    }
    const doc = parseDocument(text);
    const seen = new Set<string>();
    for (const section of findSections(doc, ruleSet.sections, patterns)) {
      if (!section.id || seen.has(section.id)) continue;
      const body = section.blocks
        .map((b) => doc.blocks[b]!)
        .filter((b) => b.kind !== 'heading')
        .map((b) => b.text)
        .join(' ');
      if (!body.trim()) continue;
      seen.add(section.id);
      const line = doc.lines.position(section.heading.start).line;
      const list = index.get(section.id) ?? [];
      list.push({ source, heading: section.heading.text, excerpt: excerpt(body), uri: sourceClauseUri(source.file, line) });
      index.set(section.id, list);
    }
  }
  indexes.set(ruleSet, index);
  return index;
}
