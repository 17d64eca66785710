import { dirname, resolve } from 'node:path';
import { ConfigLoader, FileError, findConfigFile, type ConfigLoaderOptions, type ResolvedConfig, type RuleSet } from '../engine/index.js';

/** A configuration, or the error that kept it from loading (the defaults apply then). */
export interface ConfigState {
  config?: ResolvedConfig;
  error?: FileError;
}

/**
 * ResolvedConfig per file and "is there a config above this directory" per directory, so the
 * per-keystroke path touches no file system. Everything is dropped when a watched
 * .policylintrc.* or word list changes (didChangeWatchedFiles).
 */
export class ConfigCache {
  private readonly loader: ConfigLoader;
  private readonly byFile = new Map<string, ConfigState>();
  private readonly configFileByDir = new Map<string, string | undefined>();

  constructor(ruleSet: RuleSet, options: ConfigLoaderOptions = {}) {
    this.loader = new ConfigLoader(ruleSet, options);
  }

  forFile(filePath: string): ConfigState {
    const key = resolve(filePath);
    let state = this.byFile.get(key);
    if (!state) {
      try {
        state = { config: this.loader.forFile(key) };
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        state = { error };
      }
      this.byFile.set(key, state);
    }
    return state;
  }

  /** The nearest config file at or above the file's directory, if any. */
  configFileFor(filePath: string): string | undefined {
    const dir = dirname(resolve(filePath));
    if (!this.configFileByDir.has(dir)) this.configFileByDir.set(dir, findConfigFile(dir));
    return this.configFileByDir.get(dir);
  }

  invalidate(): void {
    this.byFile.clear();
    this.configFileByDir.clear();
    this.loader.invalidate();
  }
}
