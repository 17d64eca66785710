// Runs a CommonJS bundle (dist/cli.cjs, dist/server.cjs) with a V8 code cache, so a start
// deserialises the compiled code instead of compiling 2.7 MB of JavaScript again: ~150 ms of
// a one-file CLI run and ~120 ms of the language server's start. Node 22 has this built in
// (module.enableCompileCache); Node 20 has vm.Script's cachedData.
//
// The cache lives in policylint's cache directory (see engine/io/cacheFiles.ts), one file per
// bundle path; its name carries the bundle's size and modification time and the Node
// version, and V8 checks the rest (its own version and flags, the source's length), refusing
// a cache that does not fit. A refused or missing cache is written again when the process
// exits, from everything the run compiled.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { cacheDirectory, writeFileAtomically } from '../engine/io/cacheFiles.js';

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

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Saves a new cache and removes the caches of earlier builds of the same bundle. */
function saveCache(file: string, data: Buffer): void {
  if (!writeFileAtomically(file, data)) return;
  const samePath = path.basename(file).slice(0, PREFIX.length + 13);
  try {
    for (const name of readdirSync(path.dirname(file))) {
      if (name.startsWith(samePath) && name !== path.basename(file) && !name.endsWith('.tmp')) unlinkSync(path.join(path.dirname(file), name));
    }
  } catch {
    // Another process pruned them first.
  }
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
  const cachedData = readCache(cacheFile);
  // A "#!" line is only valid at the very start of a script; keep the line, as a comment.
  const source = readFileSync(file, 'utf8').replace(/^#!/, '//');
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  if (cacheFile && !cacheUsed) {
    const target = cacheFile;
    // At exit the cache holds every function the run compiled, not only the top level.
    process.once('exit', () => saveCache(target, script.createCachedData()));
  }
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return { cacheUsed, cacheFile };
}
