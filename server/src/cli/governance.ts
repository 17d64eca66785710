import { reviewDue, type GovernanceFacts, type LintResult, type ResponsibilityFact, type ReviewFact } from '../engine/index.js';

/**
 * What one draft says about its own governance, in the small, plain shape the CLI keeps per
 * file: `report` makes a register row of it and `diff` compares two of them. Read from the
 * facts and sections the lint already found (nothing is extracted again), so it travels with
 * the file's result from a worker and through the cache.
 */
export interface Governance {
  title: string;
  type: string | null;
  adoption: { body: string | null; date: string | null; yearOnly: boolean; paragraph: string | null; evidence: string } | null;
  /** Review and validity statements, as written (`cadence`) and as read. */
  review: { kind: ReviewFact['kind']; cadence: string | null; years: number | null; until: string | null; by: string | null; evidence: string }[];
  /** Adoption plus the cycle, or the end of validity (the earliest): facts/due.ts. */
  reviewDue: { date: string; basis: 'interval' | 'end-date' } | null;
  /** "Dokumentansvarig" as written in the metadata. */
  owner: string | null;
  responsibilities: { actor: string; role: ResponsibilityFact['role']; kind: ResponsibilityFact['kind']; duty: string | null }[];
  followUp: { what: string | null; frequency: string | null; recipient: string | null; evidence: string }[];
  /** The items (list items, else paragraphs) of the goals section. */
  goals: string[];
  /** Every heading below the title, as written. */
  sections: string[];
}

/** Section id of the goals section in rules/sections.yml. */
const GOALS_SECTION = 'mal';
const MAX_TEXT = 300;
/**
 * At most this many items per list: the register shows a few, and a 5 MB draft with 40,000
 * responsibility sentences must not carry them all from a worker and into the cache.
 */
const MAX_ITEMS = 200;

const clip = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
};

export function governanceOf(result: LintResult): Governance {
  const facts: GovernanceFacts = result.facts;
  const a = facts.adoption;
  const due = reviewDue(facts);
  const goalsSection = result.sections.find((s) => s.id === GOALS_SECTION);
  let goals: string[] = [];
  if (goalsSection) {
    const blocks = goalsSection.blocks.map((i) => result.document.blocks[i]!).filter((b) => b.kind !== 'heading');
    const items = blocks.some((b) => b.listItem) ? blocks.filter((b) => b.listItem) : blocks;
    goals = items
      .slice(0, MAX_ITEMS)
      .map((b) => clip(b.text))
      .filter(Boolean);
  }
  return {
    title: clip(result.title),
    type: result.documentType ?? null,
    adoption: a ? { body: a.body ?? null, date: a.date ?? null, yearOnly: Boolean(a.yearOnly), paragraph: a.paragraph ?? null, evidence: clip(a.evidence) } : null,
    review: facts.review.slice(0, MAX_ITEMS).map((r) => ({ kind: r.kind, cadence: r.cadence ?? null, years: r.years ?? null, until: r.until ?? null, by: r.by ?? null, evidence: clip(r.evidence) })),
    reviewDue: due ? { date: due.date, basis: due.basis } : null,
    owner: facts.owner ? clip(facts.owner.value) : null,
    responsibilities: facts.responsibilities.slice(0, MAX_ITEMS).map((r) => ({ actor: r.actor, role: r.role, kind: r.kind, duty: r.duty ? clip(r.duty) : null })),
    followUp: facts.followUp
      .slice(0, MAX_ITEMS)
      .map((f) => ({ what: f.what ? clip(f.what) : null, frequency: f.frequency ?? f.unclear ?? null, recipient: f.recipient ?? null, evidence: clip(f.evidence) })),
    goals,
    sections: result.sections
      .filter((s) => s.heading.text !== result.title)
      .slice(0, MAX_ITEMS)
      .map((s) => clip(s.heading.text)),
  };
}
