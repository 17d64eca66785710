import { DEFAULT_SETTINGS, type Settings } from './protocol.js';

/** Narrows whatever the client sent to Settings, field by field, over the defaults. */
export function toSettings(raw: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, include: [...DEFAULT_SETTINGS.include] };
  if (!raw || typeof raw !== 'object') return settings;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') settings.enable = r.enable;
  if (Array.isArray(r.include)) settings.include = r.include.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  else if (typeof r.include === 'string' && r.include.trim()) settings.include = [r.include];
  if (r.language === 'sv' || r.language === 'en' || r.language === 'auto') settings.language = r.language;
  if (typeof r.maxNumberOfProblems === 'number' && Number.isInteger(r.maxNumberOfProblems) && r.maxNumberOfProblems >= 0) settings.maxNumberOfProblems = r.maxNumberOfProblems;
  return settings;
}

export type Fetch = (uri: string) => Promise<unknown>;

/**
 * Settings per document URI, pulled once with workspace/configuration and kept until the
 * client says they changed. Clients without workspace/configuration push global settings
 * (didChangeConfiguration or initializationOptions) and get those for every document.
 */
export class SettingsCache {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private global: Settings = toSettings(undefined);

  constructor(private readonly fetch: Fetch | undefined) {}

  setGlobal(raw: unknown): void {
    this.global = toSettings(raw);
  }

  get(uri: string): Promise<Settings> {
    if (!this.fetch) return Promise.resolve(this.global);
    let settings = this.perUri.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(toSettings, () => this.global);
      this.perUri.set(uri, settings);
    }
    return settings;
  }

  clear(uri?: string): void {
    if (uri) this.perUri.delete(uri);
    else this.perUri.clear();
  }
}
