// Types for vsix-check.mjs (plain JS so that `npm run package` needs no build step).

export interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
  method: number;
  localHeader: number;
}

export interface Vsix {
  /** Size of the .vsix file on disk. */
  bytes: number;
  entries: ZipEntry[];
  /** The uncompressed content of an entry, or undefined if there is none by that name. */
  read(name: string): Buffer | undefined;
}

export const MAX_VSIX_BYTES: number;
export const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]>;
export function listVsix(file: string): Vsix;
export function requiredFiles(manifest: Record<string, unknown>, names: readonly string[]): string[];
export function checkVsix(file: string): string[];
