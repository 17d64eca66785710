// hunspell-asm's Emscripten runtime (MODULARIZE=1): a function taking module overrides.
declare module 'hunspell-asm/dist/cjs/lib/node/hunspell.js' {
  const createRuntime: (overrides: Record<string, unknown>) => unknown;
  export default createRuntime;
}
