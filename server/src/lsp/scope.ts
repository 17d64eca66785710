import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { looksLikeGoverningDocument } from '../engine/index.js';
import type { Settings } from './protocol.js';

/**
 * Which documents are policy drafts. Only those are linted, so workspaces that do not use
 * policylint see nothing: Markdown files under a folder with a policylint config, files the
 * `policylint.include` setting matches, and files that say they are governing documents (a
 * title such as "Internationell policy för Vänersby kommun", or `typ:` in front matter).
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

/**
 * Markdown by its file name whatever the client calls the language (Emacs's gfm-mode sends
 * "gfm"), or by a Markdown language id for documents without one (untitled buffers).
 */
export function isMarkdown(uri: string, languageId?: string): boolean {
  if (MARKDOWN_EXT.test(uri.replace(/[?#].*$/, ''))) return true;
  return languageId !== undefined && /^(?:markdown|gfm|pandoc|commonmark|markdown\..*)$/i.test(languageId);
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

/**
 * Does a glob of `policylint.include` match the file, relative to any workspace folder?
 * Without a workspace folder (an editor opened on one file), relative globs are matched
 * against every tail of the path: "policies/**" matches /home/a/repo/policies/x.md.
 */
export function includedBySetting(filePath: string, include: readonly string[], folders: readonly string[]): boolean {
  if (include.length === 0) return false;
  const absolute = filePath.split(sep).join('/');
  const candidates = [absolute];
  for (const folder of folders) {
    const rel = relative(folder, filePath);
    if (!rel.startsWith('..') && !isAbsolute(rel)) candidates.push(rel.split(sep).join('/'));
  }
  if (folders.length === 0) {
    const parts = absolute.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) candidates.push(parts.slice(i).join('/'));
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
  return looksLikeGoverningDocument(input.text);
}
