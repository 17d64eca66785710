import { positionFacts, type GovernanceFacts, type LineIndex } from '../../engine/index.js';

export interface FactsRecord {
  filePath: string;
  facts: GovernanceFacts;
  lines: LineIndex;
}

/** `--format facts`: what each draft says about its own governance, one record per file, as JSON. */
export function formatFacts(records: FactsRecord[]): string {
  return `${JSON.stringify(
    records.map((r) => ({ filePath: r.filePath, facts: positionFacts(r.facts, r.lines) })),
    null,
    2,
  )}\n`;
}
