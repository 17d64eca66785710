import { ConfigExistsError, writeInitialConfig as writeConfig } from '../engine/index.js';
import { UsageError } from './files.js';

/** `--init`: the engine's starter configuration; an existing one is a usage error. */
export async function writeInitialConfig(directory: string): Promise<string> {
  try {
    return await writeConfig(directory);
  } catch (error) {
    if (error instanceof ConfigExistsError) throw new UsageError(error.message);
    throw error;
  }
}
