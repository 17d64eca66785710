// Runs a CommonJS bundle (dist/cli.cjs, dist/server.cjs) with a V8 code cache, so a start
// deserialises the compiled code instead of compiling 2.7 MB of JavaScript again: ~150 ms of
// a one-file CLI run and ~120 ms of the language server's start. Node 22 has this built in
// (module.enableCompileCache); Node 20 has vm.Script's cachedData.
//
// The cache lives in policylint's cache directory (see engine/io/cacheFiles.ts), one file per
// bundle path; its name carries the bundle's size and modification time and the Node
// version, and V8 checks the rest (its own version and flags, the source's length), refusing
// a cache that does not fit. A refused or missing cache is written again when the process
// exits, from everything the run compiled. The file starts with a small header naming its
// bundle, so that the caches of bundles since deleted (an old checkout, an extension version
// VS Code removed) can be found and removed.
//
// What a cache holds is what the run that wrote it compiled. A first run that only printed
// `--version` would leave a cache without the linter, and every later lint would compile it
// again (~100 ms of a one-file run). So a run that did the real work says so (markCompleteRun),
// the header records it, and a cache from a run that did not is written again by the first
// run that does.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { cacheDirectory, writeFileAtomically } from '../engine/io/cacheFiles.js';
import { isCompleteRun } from './completeRun.js';

const PREFIX = 'v8-';
const SUFFIX = '.cache';

/** The cache file for this build of `bundle` under this Node, or undefined with the cache off. */
export function codeCacheFile(bundle: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const directory = cacheDirectory(env);
  if (!directory) return undefined;
  const stat = statSync(bundle);
  const where = createHash('sha1').update(bundle).digest('hex').slice(0, 12);
  const build = createHash('sha1').update(`${stat.size} ${stat.mtimeMs} ${process.version} ${process.arch}`).digest('hex').slice(0, 12);
  return path.join(directory, `${PREFIX}${where}-${build}${SUFFIX}`);
}

/** "PLV8", the header's length (uint32 LE), the header (JSON), then V8's cached data. */
const MAGIC = Buffer.from('PLV8');
const HEADER_START = MAGIC.length + 4;

interface CacheHeader {
  /** The bundle's absolute path. */
  bundle: string;
  /** Written by a run that did the program's real work (see completeRun.ts). */
  complete?: boolean;
}

/** The header and where the cached data starts, or undefined for a file of another format. */
function parseHeader(bytes: Buffer): { header: CacheHeader; dataStart: number } | undefined {
  if (bytes.length < HEADER_START || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const dataStart = HEADER_START + bytes.readUInt32LE(MAGIC.length);
  if (dataStart > bytes.length) return undefined;
  try {
    const header = JSON.parse(bytes.subarray(HEADER_START, dataStart).toString('utf8')) as Partial<CacheHeader>;
    return typeof header.bundle === 'string' ? { header: { bundle: header.bundle, complete: header.complete === true }, dataStart } : undefined;
  } catch {
    return undefined;
  }
}

/** V8's cached data for `bundle`, if the file holds a cache of it, and whether a complete run wrote it. */
function readCache(file: string | undefined, bundle: string): { data: Buffer; complete: boolean } | undefined {
  if (!file) return undefined;
  try {
    const bytes = readFileSync(file);
    const parsed = parseHeader(bytes);
    return parsed?.header.bundle === bundle ? { data: bytes.subarray(parsed.dataStart), complete: parsed.header.complete === true } : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle a cache file was made for, from its first bytes; undefined if it does not say. */
function bundleOf(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    return parseHeader(head.subarray(0, readSync(fd, head, 0, head.length, 0)))?.header.bundle;
  } finally {
    closeSync(fd);
  }
}

/** Caches without a header (written before it existed) go when they are this old. */
const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * Removes the caches this one replaces: earlier builds of the same bundle, caches of bundles
 * that are gone, headerless caches a month old, and temporaries of writers that died.
 */
function pruneCodeCaches(directory: string, keep: string): void {
  const now = Date.now();
  const samePath = path.basename(keep).slice(0, PREFIX.length + 13);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX) || name === path.basename(keep)) continue;
    const file = path.join(directory, name);
    try {
      if (name.endsWith('.tmp')) {
        if (now - statSync(file).mtimeMs > 3600 * 1000) unlinkSync(file);
        continue;
      }
      if (!name.endsWith(SUFFIX)) continue;
      if (name.startsWith(samePath)) {
        unlinkSync(file);
        continue;
      }
      const bundle = bundleOf(file);
      if (bundle === undefined ? now - statSync(file).mtimeMs > STALE_MS : !existsSync(bundle)) unlinkSync(file);
    } catch {
      // Another process removed it.
    }
  }
}

/** Saves a new cache for `bundle` and prunes the ones it replaces. */
function saveCache(file: string, bundle: string, data: Buffer, complete: boolean): void {
  const header = Buffer.from(JSON.stringify({ bundle, complete } satisfies CacheHeader));
  const prefix = Buffer.alloc(HEADER_START);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(header.byteLength, MAGIC.length);
  if (writeFileAtomically(file, [prefix, header, data])) pruneCodeCaches(path.dirname(file), file);
}

export interface BundleRun {
  /** Whether V8 accepted a cache for this start. */
  cacheUsed: boolean;
  cacheFile: string | undefined;
}

/**
 * Loads and runs `bundle` as Node's CommonJS loader would (same wrapper, require, module and
 * file names, so stack traces and `require` behave the same), using and refreshing the cache.
 */
export function runBundle(bundle: string, env: NodeJS.ProcessEnv = process.env): BundleRun {
  const file = path.resolve(bundle);
  let cacheFile: string | undefined;
  try {
    cacheFile = codeCacheFile(file, env);
  } catch {
    cacheFile = undefined;
  }
  const cached = readCache(cacheFile, file);
  // A "#!" line is only valid at the very start of a script; keep the line, as a comment.
  const source = readFileSync(file, 'utf8').replace(/^#!/, '//');
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cached ? { cachedData: cached.data } : {}) });
  const cacheUsed = cached !== undefined && !script.cachedDataRejected;
  if (cacheFile && !(cacheUsed && cached.complete)) {
    const target = cacheFile;
    // At exit the cache holds every function the run compiled (those it started from the
    // cache included), not only the top level. A complete cache is only replaced by another.
    process.once('exit', () => {
      const complete = isCompleteRun();
      if (!cacheUsed || complete) saveCache(target, file, script.createCachedData(), complete);
    });
  }
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return { cacheUsed, cacheFile };
}
