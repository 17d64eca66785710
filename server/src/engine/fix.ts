import type { Diagnostic, TextEdit } from './types.js';

export interface FixOutcome {
  text: string;
  applied: number;
  /** Edits left out because they overlapped an earlier one; a second pass picks them up. */
  skipped: number;
  /**
   * Safe fixes not applied because the text in their range is not the text their rule
   * matched: a bug in the rule's positions, never a change to the document.
   */
  dropped: Diagnostic[];
}

/**
 * Applies the safe fixes of the diagnostics. Overlapping edits are never merged: the first
 * wins and the rest wait for the next pass, so no text outside a reported range changes.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const { edits, skipped, dropped } = safeEdits(text, diagnostics);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor);
  return { text: out, applied: edits.length, skipped, dropped };
}

/**
 * The safe fixes' edits in order, without overlaps (the first wins; the rest wait a pass).
 * A fix whose ranges do not hold the text it expects is dropped whole.
 */
export function safeEdits(text: string, diagnostics: readonly Diagnostic[]): { edits: TextEdit[]; skipped: number; dropped: Diagnostic[] } {
  const all: TextEdit[] = [];
  const dropped: Diagnostic[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.safe);
    if (!fix) continue;
    if (fix.edits.every((e) => holdsExpected(text, e))) all.push(...fix.edits);
    else dropped.push(d);
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
  return { edits, skipped, dropped };
}

function holdsExpected(text: string, edit: TextEdit): boolean {
  if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) return false;
  return edit.expect === undefined || text.slice(edit.start, edit.end) === edit.expect;
}
