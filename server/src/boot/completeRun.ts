// Whether this run did the program's real work (linted a draft): the code it compiled is then
// what later runs need, and worth a code cache (see codeCache.ts). Kept on a global symbol,
// not in a module variable: the launcher and the bundle it runs each have their own copy of
// this module.
const COMPLETE_RUN = Symbol.for('policylint.codeCache.completeRun');

/** Called by the CLI and the language server once they have linted a draft. */
export function markCompleteRun(): void {
  (globalThis as Record<symbol, unknown>)[COMPLETE_RUN] = true;
}

export function isCompleteRun(): boolean {
  return (globalThis as Record<symbol, unknown>)[COMPLETE_RUN] === true;
}
