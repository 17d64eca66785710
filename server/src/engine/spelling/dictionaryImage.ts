// A parsed dictionary saved as the Hunspell runtime's memory ("image"), so a start restores it
// in ~30 ms instead of parsing the .dic for ~300 ms. An image is used only when it was made
// from the same .aff and .dic by the same WebAssembly build (its key) and its bytes are intact
// (a SHA-1 over them); anything else, including a write that failed half-way, falls back to
// parsing and writes a fresh image.
//
// Where: beside the dictionary (`index.img`, which the packaged extension ships) or in the
// user's cache directory: $POLICYLINT_CACHE_DIR, else $XDG_CACHE_HOME/policylint, else
// ~/.cache/policylint. POLICYLINT_CACHE_DIR set to "" turns the cache off.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { cacheDirectory, writeFileAtomically } from '../io/cacheFiles.js';

export { cacheDirectory };

/** Bumped when the file layout changes. */
const FORMAT = 'policylint-hunspell-image 1';
const MAGIC = Buffer.from('PLHI');
/** Far above the Swedish dictionary's 16 MB; a header claiming more is not believed. */
const MAX_IMAGE_BYTES = 512 * 1024 * 1024;

export interface ImageHeader {
  key: string;
  /** The Hunspell instance's address in the saved memory. */
  handle: number;
  /** Bytes of memory that follow the header. */
  size: number;
  sha1: string;
  /** The dictionary directory it was made from: an image whose directory is gone is pruned. */
  dictionary?: string;
}

export interface DictionaryImage extends ImageHeader {
  memory: Uint8Array;
}

/** The start of a fresh runtime's memory: its static data, whatever the memory's size. */
const FINGERPRINT_BYTES = 1 << 20;

/**
 * What an image must have been made from: the dictionary files and the runtime's freshly
 * initialised memory (its static data is the WebAssembly build's fingerprint).
 */
export function imageKey(aff: Uint8Array, dic: Uint8Array, freshMemory: Uint8Array): string {
  const hash = createHash('sha1').update(FORMAT);
  for (const part of [aff, dic, freshMemory.subarray(0, FINGERPRINT_BYTES)]) hash.update(String(part.byteLength)).update(part);
  return hash.digest('hex');
}

/** Where an image for this dictionary may be, best first. */
export function imageFiles(dictionaryDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const cache = cacheDirectory(env);
  return [path.join(dictionaryDir, 'index.img'), ...(cache ? [path.join(cache, cacheFileName(dictionaryDir))] : [])];
}

/** One file per dictionary directory, so two dictionaries do not evict each other. */
function cacheFileName(dictionaryDir: string): string {
  return `hunspell-${createHash('sha1').update(path.resolve(dictionaryDir)).digest('hex').slice(0, 12)}.img`;
}

/** The header of an image file, or undefined if the file is missing or is no image. */
export function readImageHeader(file: string): ImageHeader | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const prefix = Buffer.alloc(8);
    if (readSync(fd, prefix, 0, 8, 0) !== 8 || !prefix.subarray(0, 4).equals(MAGIC)) return undefined;
    const length = prefix.readUInt32LE(4);
    if (length > 4096) return undefined;
    const json = Buffer.alloc(length);
    if (readSync(fd, json, 0, length, 8) !== length) return undefined;
    const header = JSON.parse(json.toString('utf8')) as Partial<ImageHeader>;
    if (typeof header.key !== 'string' || typeof header.handle !== 'number' || typeof header.size !== 'number' || typeof header.sha1 !== 'string') return undefined;
    if (header.size <= 0 || header.size > MAX_IMAGE_BYTES || header.size % 65536 !== 0) return undefined;
    return { key: header.key, handle: header.handle, size: header.size, sha1: header.sha1, ...(typeof header.dictionary === 'string' ? { dictionary: header.dictionary } : {}) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The image in `file` if it has this key and its bytes are intact. */
export function readImage(file: string, key: string): DictionaryImage | undefined {
  const header = readImageHeader(file);
  if (!header || header.key !== key) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  // The file may have been replaced since its header was read: check it again.
  if (bytes.byteLength < 8 || !bytes.subarray(0, 4).equals(MAGIC)) return undefined;
  const start = 8 + bytes.readUInt32LE(4);
  const memory = bytes.subarray(start);
  if (memory.byteLength !== header.size) return undefined;
  if (createHash('sha1').update(memory).digest('hex') !== header.sha1) return undefined;
  return { ...header, memory };
}

/**
 * Saves an image to `file`: written beside it and renamed into place, so a reader sees the
 * old file or the whole new one. Best effort: false if the directory cannot be written.
 */
export function writeImage(file: string, key: string, handle: number, memory: Uint8Array, dictionary?: string): boolean {
  const header: ImageHeader = {
    key,
    handle,
    size: memory.byteLength,
    sha1: createHash('sha1').update(memory).digest('hex'),
    ...(dictionary === undefined ? {} : { dictionary: path.resolve(dictionary) }),
  };
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(8);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(json.byteLength, 4);
  return writeFileAtomically(file, [prefix, json, memory]);
}

/** Images in the cache directory untouched for this long belong to dictionaries no longer used. */
const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * Removes stale images (and temporaries of writers that died) from the cache directory, and
 * images of dictionaries that are gone (a checkout or an extension version since deleted:
 * each left 16 MB behind for a month).
 */
export function pruneCache(directory: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (!/^hunspell-.*\.img(?:\..*\.tmp)?$/u.test(name)) continue;
    const file = path.join(directory, name);
    try {
      const age = now - statSync(file).mtimeMs;
      if (age > STALE_MS || (name.endsWith('.tmp') && age > 3600 * 1000)) unlinkSync(file);
      else if (!name.endsWith('.tmp')) {
        const dictionary = readImageHeader(file)?.dictionary;
        if (dictionary !== undefined && !existsSync(path.join(dictionary, 'index.aff'))) unlinkSync(file);
      }
    } catch {
      // Another process removed it.
    }
  }
}
