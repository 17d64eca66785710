import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { Settings } from './protocol.js';

/**
 * Which documents are policy drafts. Only those are linted, so workspaces that do not use
 * policylint see nothing: Markdown files under a folder with a policylint config, files the
 * `policylint.include` setting matches, and files whose front matter has `typ:`.
 */
export interface ScopeInput {
  uri: string;
  languageId?: string;
  text: string;
  settings: Settings;
  /** Workspace folder paths (file system), to resolve include globs against. */
  folders: readonly string[];
  /** The nearest config file for a path (cached by the caller). */
  configFileFor: (filePath: string) => string | undefined;
}

const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd)$/i;

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function isMarkdown(uri: string, languageId?: string): boolean {
  if (languageId) return languageId === 'markdown';
  return MARKDOWN_EXT.test(uri.replace(/[?#].*$/, ''));
}

/** True when the front matter (the first `---` block) has a `typ:` key. Cheap: no YAML parse. */
export function hasTypInFrontMatter(text: string): boolean {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 20_000));
  return m !== null && /^typ[ \t]*:/m.test(m[1]!);
}

const matchers = new Map<string, (path: string) => boolean>();

function matcher(glob: string): (path: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    m = picomatch(glob.replace(/\\/g, '/'), { dot: true, nocase: process.platform === 'win32' });
    matchers.set(glob, m);
  }
  return m;
}

/** Does a glob of `policylint.include` match the file (relative to any workspace folder)? */
export function includedBySetting(filePath: string, include: readonly string[], folders: readonly string[]): boolean {
  if (include.length === 0) return false;
  const candidates = [filePath.split(sep).join('/')];
  for (const folder of folders) {
    const rel = relative(folder, filePath);
    if (!rel.startsWith('..') && !isAbsolute(rel)) candidates.push(rel.split(sep).join('/'));
  }
  return include.some((glob) => candidates.some((c) => matcher(glob)(c)));
}

export function isPolicyDocument(input: ScopeInput): boolean {
  if (!input.settings.enable) return false;
  if (!isMarkdown(input.uri, input.languageId)) return false;
  const path = filePathOf(input.uri);
  if (path) {
    if (input.configFileFor(path)) return true;
    if (includedBySetting(path, input.settings.include, input.folders)) return true;
  }
  return hasTypInFrontMatter(input.text);
}
