import type { BodiesFile, IntervalsFile } from './model.js';
import type { Vocabulary } from '../match/pattern.js';

/** The `{name}` lists rule patterns may use. */
export function buildVocabulary(bodies: BodiesFile, intervals: IntervalsFile): Vocabulary {
  return {
    body: bodies.known.flatMap((b) => b.patterns),
    vague: bodies.vague,
    organisation: bodies.organisationSuffixes,
    interval: intervals.intervals.map((i) => i.pattern),
    frequency: intervals.frequencies,
  };
}
