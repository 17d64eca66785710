// Hunspell in WebAssembly, driven directly through hunspell-asm's Emscripten runtime rather
// than its loader, so that the runtime's memory can be saved once the dictionary is parsed
// and restored on a later start (dictionaryImage.ts): parsing the Swedish dictionary takes
// ~300 ms, copying 16 MB back takes ~15 ms.
//
// The runtime inlines its .wasm as a base64 data URI, so bundles need no loader for it.
import createRuntime from 'hunspell-asm/dist/cjs/lib/node/hunspell.js';

/** The parts of the Emscripten module the wrapper uses (all exported by hunspell-asm's build). */
export interface EmscriptenModule {
  HEAPU8: Uint8Array;
  cwrap(name: string, returns: 'number' | null, args: readonly string[]): (...args: unknown[]) => number;
  allocateUTF8(text: string): number;
  UTF8ToString(pointer: number): string;
  getValue(pointer: number, type: '*'): number;
  _malloc(size: number): number;
  _free(pointer: number): void;
  FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void };
}

/** One Hunspell instance inside one runtime. */
export interface HunspellInstance {
  spell(word: string): boolean;
  suggest(word: string): string[];
  addWord(word: string): void;
  /** The runtime's whole memory: with `handle`, everything a restore needs. A view, not a copy. */
  memory(): Uint8Array;
  /** The instance's address in that memory. */
  readonly handle: number;
}

/**
 * Starts a fresh runtime; `totalMemory` (a multiple of 64 KiB) sizes its memory for a restore.
 * The module comes wrapped: it is a thenable (Emscripten's "then"), and a promise resolved
 * with a thenable never settles here.
 */
export function startRuntime(totalMemory?: number): Promise<{ runtime: EmscriptenModule }> {
  return new Promise((resolve, reject) => {
    const overrides: Record<string, unknown> = {
      onRuntimeInitialized: () => resolve(started),
      onAbort: (reason: unknown) => reject(reason instanceof Error ? reason : new Error(String(reason))),
    };
    // The runtime writes its program name into memory at start (the "_" environment
    // variable), and Node's default is the script's path: an image would then fit only the
    // program that saved it (the CLI's and the server's differ), and be parsed and rewritten
    // each time the other one starts.
    overrides['thisProgram'] = 'policylint';
    if (totalMemory !== undefined) overrides['TOTAL_MEMORY'] = totalMemory;
    // The runtime adds a process-wide "uncaughtException" listener that rethrows: it would
    // override the language server's own handling, and each restore would add another.
    const listeners = new Set(process.listeners('uncaughtException'));
    const started = { runtime: createRuntime(overrides) as EmscriptenModule };
    for (const listener of process.listeners('uncaughtException')) if (!listeners.has(listener)) process.off('uncaughtException', listener);
  });
}

/** Parses a dictionary (.aff and .dic contents) in a fresh runtime. */
export function createInstance(runtime: EmscriptenModule, aff: Uint8Array, dic: Uint8Array): HunspellInstance {
  // The runtime reads files from its in-memory file system; Hunspell keeps what it parsed.
  runtime.FS.writeFile('/policylint.aff', aff);
  runtime.FS.writeFile('/policylint.dic', dic);
  const create = runtime.cwrap('Hunspell_create', 'number', ['string', 'string']);
  const handle = create('/policylint.aff', '/policylint.dic');
  runtime.FS.unlink('/policylint.aff');
  runtime.FS.unlink('/policylint.dic');
  return wrapInstance(runtime, handle);
}

const PAGE = 4096;
const ZERO_PAGE = new Uint8Array(PAGE);

/**
 * Puts a saved memory back into a fresh runtime started with its size. Pages of zeros that
 * are zeros in the runtime too are left alone: the system has not given them memory yet, and
 * writing them would (about 7 of the Swedish dictionary's 16 MB: that much less resident).
 */
export function restoreInstance(runtime: EmscriptenModule, memory: Uint8Array, handle: number): HunspellInstance {
  const heap = runtime.HEAPU8;
  if (heap.byteLength !== memory.byteLength) throw new Error(`runtime memory ${heap.byteLength} bytes, image ${memory.byteLength}`);
  const isZero = (bytes: Uint8Array, at: number, length: number): boolean => Buffer.compare(bytes.subarray(at, at + length), ZERO_PAGE.subarray(0, length)) === 0;
  for (let at = 0; at < memory.byteLength; at += PAGE) {
    const length = Math.min(PAGE, memory.byteLength - at);
    if (!isZero(memory, at, length)) heap.set(memory.subarray(at, at + length), at);
    else if (!isZero(heap, at, length)) heap.fill(0, at, at + length);
  }
  return wrapInstance(runtime, handle);
}

function wrapInstance(runtime: EmscriptenModule, handle: number): HunspellInstance {
  const spell = runtime.cwrap('Hunspell_spell', 'number', ['number', 'number']);
  const add = runtime.cwrap('Hunspell_add', 'number', ['number', 'number']);
  const suggest = runtime.cwrap('Hunspell_suggest', 'number', ['number', 'number', 'number']);
  const freeList = runtime.cwrap('Hunspell_free_list', null, ['number', 'number', 'number']);
  // Words go through the heap, not the 5 MB stack: a hostile document may hold a huge token.
  // NFC, as hunspell-asm's own wrapper does: a decomposed "å" is the same word.
  const withWord = <T>(word: string, use: (pointer: number) => T): T => {
    const pointer = runtime.allocateUTF8(word.normalize());
    try {
      return use(pointer);
    } finally {
      runtime._free(pointer);
    }
  };
  return {
    handle,
    spell: (word) => withWord(word, (pointer) => spell(handle, pointer)) !== 0,
    addWord: (word) => void withWord(word, (pointer) => add(handle, pointer)),
    suggest: (word) => {
      const listPointer = runtime._malloc(4);
      const count = withWord(word, (pointer) => suggest(handle, listPointer, pointer));
      const list = runtime.getValue(listPointer, '*');
      const out: string[] = [];
      for (let i = 0; i < count; i++) out.push(runtime.UTF8ToString(runtime.getValue(list + i * 4, '*')));
      freeList(handle, listPointer, count);
      runtime._free(listPointer);
      return out;
    },
    memory: () => runtime.HEAPU8,
  };
}
