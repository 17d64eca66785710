import type { Diagnostic, TextEdit } from './types.js';

export interface FixOutcome {
  text: string;
  applied: number;
  /** Edits left out because they overlapped an earlier one; a second pass picks them up. */
  skipped: number;
}

/**
 * Applies the safe fixes of the diagnostics. Overlapping edits are never merged: the first
 * wins and the rest wait for the next pass, so no text outside a reported range changes.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const { edits, skipped } = safeEdits(diagnostics);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor);
  return { text: out, applied: edits.length, skipped };
}

/** The safe fixes' edits in order, without overlaps (the first wins; the rest wait a pass). */
export function safeEdits(diagnostics: readonly Diagnostic[]): { edits: TextEdit[]; skipped: number } {
  const all: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.safe);
    if (fix) all.push(...fix.edits);
  }
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: TextEdit[] = [];
  let skipped = 0;
  let lastEnd = -1;
  for (const edit of all) {
    if (edit.start < lastEnd || (edit.start === lastEnd && edit.start === edit.end)) {
      skipped++;
      continue;
    }
    edits.push(edit);
    lastEnd = edit.end;
  }
  return { edits, skipped };
}
