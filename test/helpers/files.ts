import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './paths.js';

/** The shared seeds beside the checkout (`../shared/seeds`, as CI lays it out), if present. */
export const SEEDS = join(REPO, '..', 'shared', 'seeds');

/** Files under `dir` whose names match `name`, depth first; none if `dir` does not exist. */
export function filesUnder(dir: string, name: RegExp, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) filesUnder(path, name, out);
    else if (name.test(entry)) out.push(path);
  }
  return out;
}
