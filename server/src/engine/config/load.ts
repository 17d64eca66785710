import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ConfigFile, ResolvedConfig, RuleConfig, RuleSetting } from './model.js';
import type { RuleSet } from '../rules/model.js';
import type { Bilingual } from '../types.js';
import { FileError } from '../rules/errors.js';
import { parseWordList } from '../rules/wordList.js';
import { isInside, readFileSafely } from '../io/safeRead.js';
import { resolveLimits, type Limits } from '../limits.js';
import { lineOfPath, parseYamlText, validateYaml, type LoadedYaml } from '../rules/yamlFile.js';
import { schemaValidator } from '../rules/schemaValidators.js';

export const CONFIG_NAMES = ['.policylintrc.json', '.policylintrc.yaml', '.policylintrc.yml'];
export const PRESETS = ['recommended', 'strict', 'policy', 'strategi', 'riktlinje', 'program', 'plan', 'klarsprak', 'tillganglighet'];

/** The nearest of `names` at or above a directory (the first name wins within a directory). */
function findUp(directory: string, names: readonly string[]): string | undefined {
  for (let dir = resolve(directory); ; dir = dirname(dir)) {
    for (const name of names) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Finds the nearest configuration file at or above a directory. */
export function findConfigFile(directory: string): string | undefined {
  return findUp(directory, CONFIG_NAMES);
}

export const WORD_LIST = join('.policylint', 'ordlista.txt');

/** The project's word list, found like the configuration: nearest at or above a directory. */
export function findWordListFile(directory: string): string | undefined {
  return findUp(directory, [WORD_LIST]);
}

const ignoreMatchers = new WeakMap<ResolvedConfig, (path: string) => boolean>();

/** Whether a file is covered by the configuration's `ignores` (globs relative to its directory). */
export function isIgnored(config: ResolvedConfig, filePath: string): boolean {
  if (!config.baseDirectory || config.ignores.length === 0) return false;
  let matches = ignoreMatchers.get(config);
  if (!matches) ignoreMatchers.set(config, (matches = picomatch(config.ignores, { dot: true })));
  return matches(relative(config.baseDirectory, filePath).split(sep).join('/'));
}

export interface ConfigLoaderOptions {
  /**
   * The workspace: files inside it may only lead (by symlink or `extends`) to files inside it.
   * Files above it (a config in the home directory) are the user's own and read as they are.
   * Empty: no containment (the engine's API, tests).
   */
  roots?: readonly string[] | (() => readonly string[]);
  limits?: Partial<Limits>;
  /**
   * The configuration file for every file instead of the nearest one (the CLI's `-c FILE`),
   * or `false` for none: the recommended preset (`--no-config`).
   */
  configFile?: string | false;
}

/** `extends` names configuration files only: .json, .yaml, .yml (a link to /etc/passwd is not one). */
const CONFIG_EXTENSION = /\.(json|ya?ml)$/i;

interface Layer {
  file: string;
  data: ConfigFile;
  loaded: LoadedYaml;
}

/**
 * Loads configuration files with their `extends` chains, validated against the published
 * schema; unknown rule ids are errors naming the file and line. Results are cached by
 * path and modification time, so an editor sees edits at once.
 */
export class ConfigLoader {
  private readonly validate;
  private readonly cache = new Map<string, { mtimeMs: number; layers: Layer[] }>();

  private readonly rootsOption: ConfigLoaderOptions['roots'];
  private readonly configFile: string | false | undefined;
  private readonly limits: Limits;

  constructor(
    private readonly ruleSet: RuleSet,
    options: ConfigLoaderOptions = {},
  ) {
    this.validate = schemaValidator(join(ruleSet.directory, 'schema', 'config.schema.json'), 'config');
    this.rootsOption = options.roots;
    this.configFile = options.configFile === undefined || options.configFile === false ? options.configFile : resolve(options.configFile);
    this.limits = resolveLimits(options.limits);
  }

  /** The workspace folders now (an editor's change while it runs). */
  private get roots(): readonly string[] {
    const roots = typeof this.rootsOption === 'function' ? this.rootsOption() : (this.rootsOption ?? []);
    return roots.map((r) => resolve(r));
  }

  /** The directories a file may resolve into: the workspace when the file lies in it. */
  private containmentFor(file: string): readonly string[] | undefined {
    const abs = resolve(file);
    if (abs.startsWith(this.ruleSet.directory)) return undefined;
    const roots = this.roots;
    return roots.some((root) => isInside(abs, root)) ? roots : undefined;
  }

  /** A configuration or word list's text, read only if it is a regular file of sane size where it may be. */
  private readText(file: string, what: Bilingual, within = this.containmentFor(file)): string {
    const read = readFileSafely(file, { maxBytes: this.limits.configBytes, ...(within ? { within } : {}) });
    if (!read.ok) throw new FileError(file, undefined, `${what.sv} ${read.reason.sv} / ${what.en} ${read.reason.en}`);
    return read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  }

  /** The configuration for a file to lint (nearest config file, else recommended). */
  forFile(filePath: string): ResolvedConfig {
    const directory = dirname(resolve(filePath));
    const configFile = this.configFile === false ? undefined : (this.configFile ?? findConfigFile(directory));
    const base = configFile ? this.resolveFile(configFile) : this.resolvePreset('recommended');
    const config = configFile ? this.applyOverrides(base, this.layers(configFile), resolve(filePath)) : base;
    const listFile = findWordListFile(directory);
    if (!listFile) return config;
    return { ...config, words: [...config.words, ...this.wordList(listFile)], wordListFile: listFile };
  }

  private readonly wordLists = new Map<string, { mtimeMs: number; words: string[] }>();

  private wordList(file: string): string[] {
    const mtimeMs = statSync(file).mtimeMs;
    const cached = this.wordLists.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.words;
    const words = parseWordList(this.readText(file, { sv: 'ordlistan', en: 'the word list' }));
    this.wordLists.set(file, { mtimeMs, words });
    return words;
  }

  /** Validates a file's configuration chain; throws FileError on the first problem. */
  resolveFile(file: string): ResolvedConfig {
    const config = this.merge(this.layers(file));
    config.file = file;
    config.baseDirectory = dirname(file);
    return config;
  }

  resolvePreset(name: string): ResolvedConfig {
    return this.merge(this.presetLayers(name, '(policylint)'));
  }

  invalidate(file?: string): void {
    if (file) {
      this.cache.delete(resolve(file));
      this.wordLists.delete(resolve(file));
    } else {
      this.cache.clear();
      this.wordLists.clear();
    }
  }

  private layers(file: string, seen = new Set<string>(), from?: { file: string; loaded: LoadedYaml }): Layer[] {
    const abs = resolve(file);
    if (from && !CONFIG_EXTENSION.test(basename(abs))) {
      throw new FileError(
        from.file,
        lineOfPath(from.loaded, '/extends'),
        `extends pekar på en fil som inte är en konfiguration (namnet ska sluta på .yaml, .yml eller .json) / extends names a file that is not a configuration file`,
      );
    }
    if (seen.has(abs)) throw new FileError(file, undefined, 'extends bildar en cirkel / extends forms a cycle');
    seen.add(abs);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(abs).mtimeMs;
    } catch (error) {
      throw new FileError(file, undefined, `kan inte läsas / cannot be read (${(error as NodeJS.ErrnoException).code})`);
    }
    const cached = this.cache.get(abs);
    if (cached && cached.mtimeMs === mtimeMs) return cached.layers;
    // An extends target inside the workspace (or named from it) must resolve inside it.
    const within = from ? (this.containmentFor(from.file) ?? this.containmentFor(abs)) : this.containmentFor(abs);
    const text = this.readText(abs, from ? { sv: 'extends-filen', en: 'the extends target' } : { sv: 'konfigurationen', en: 'the configuration' }, within);
    const loaded = parseYamlText(text, abs);
    if (loaded.data === null || loaded.data === undefined) loaded.data = {};
    validateYaml(loaded, this.validate, abs);
    const data = loaded.data as ConfigFile;
    this.checkRuleIds(data, loaded, abs);
    const layers: Layer[] = [];
    for (const parent of toArray(data.extends)) {
      if (parent.startsWith('policylint:')) layers.push(...this.presetLayers(parent.slice('policylint:'.length), abs, loaded));
      else for (const layer of this.layers(resolve(dirname(abs), parent), seen, { file: abs, loaded })) layers.push(layer);
    }
    layers.push({ file: abs, data, loaded });
    this.cache.set(abs, { mtimeMs, layers });
    return layers;
  }

  private presetLayers(name: string, from: string, loaded?: LoadedYaml): Layer[] {
    if (!PRESETS.includes(name)) {
      const line = loaded ? lineOfPath(loaded, '/extends') : undefined;
      throw new FileError(from, line, `okänd förinställning "policylint:${name}"; finns: ${PRESETS.map((p) => `policylint:${p}`).join(', ')} / unknown preset`);
    }
    return this.layers(join(this.ruleSet.directory, 'presets', `${name}.yml`));
  }

  private checkRuleIds(data: ConfigFile, loaded: LoadedYaml, file: string): void {
    const check = (rules: Record<string, RuleSetting> | undefined, path: string): void => {
      for (const id of Object.keys(rules ?? {})) {
        if (!this.ruleSet.rules.has(id)) {
          const known = [...this.ruleSet.rules.keys()].sort().join(', ');
          throw new FileError(file, lineOfPath(loaded, `${path}/${id}`), `okänd regel "${id}"; kända regler: ${known} / unknown rule`);
        }
      }
    };
    check(data.rules, '/rules');
    data.overrides?.forEach((o, i) => check(o.rules, `/overrides/${i}/rules`));
  }

  private merge(layers: Layer[]): ResolvedConfig {
    const rules = new Map<string, RuleConfig>();
    for (const rule of this.ruleSet.rules.values()) rules.set(rule.id, { severity: rule.severity, options: {} });
    const config: ResolvedConfig = { rules, words: [], ignores: [] };
    for (const { data, file } of layers) {
      applyRules(rules, data.rules);
      if (data.documentType) config.documentType = data.documentType;
      if (data.language) config.language = data.language;
      // A loop, not push(...words): 150,000 words as arguments overflow the stack.
      for (const word of data.words ?? []) config.words.push(word);
      if (data.bodies) config.bodies = [...(config.bodies ?? []).filter((b) => !data.bodies!.some((d) => d.name === b.name)), ...data.bodies];
      if (!file.startsWith(this.ruleSet.directory)) for (const glob of toArray(data.ignores)) config.ignores.push(glob);
    }
    return config;
  }

  private applyOverrides(base: ResolvedConfig, layers: Layer[], filePath: string): ResolvedConfig {
    const overrides = layers.flatMap((l) => (l.data.overrides ?? []).map((o) => ({ ...o, dir: dirname(l.file) })));
    if (overrides.length === 0) return base;
    const result: ResolvedConfig = { ...base, rules: new Map([...base.rules].map(([k, v]) => [k, { ...v }])), words: [...base.words] };
    for (const o of overrides) {
      const rel = relative(o.dir, filePath).split(sep).join('/');
      if (!picomatch(toArray(o.files), { dot: true })(rel)) continue;
      applyRules(result.rules, o.rules);
      if (o.documentType) result.documentType = o.documentType;
    }
    return result;
  }
}

function applyRules(target: Map<string, RuleConfig>, rules: Record<string, RuleSetting> | undefined): void {
  for (const [id, setting] of Object.entries(rules ?? {})) {
    const current = target.get(id) ?? { severity: 'off', options: {} };
    if (typeof setting === 'string') target.set(id, { ...current, severity: setting });
    else target.set(id, { severity: setting[0], options: { ...current.options, ...(setting[1] ?? {}) } });
  }
}

function toArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
