import * as path from 'path';

/**
 * The `paperlens.*` settings as the server reads them (initializationOptions and
 * workspace/didChangeConfiguration): the keys of `.paperlens.json`, which the server refuses to
 * guess at. A setting the user left unset is not sent, so that the workspace's `.paperlens.json`
 * still applies; the server overrides that file key by key with what is sent.
 */
export interface ServerSettingsPayload {
  catalog?: string;
  offline?: boolean;
  inlayHints?: boolean;
  rules?: Record<string, Severity>;
  include?: string[];
  exclude?: string[];
}

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** Reads one setting (without the `paperlens.` prefix); undefined when the user did not set it. */
export type SettingReader = (key: string) => unknown;

export interface MappingContext {
  /** A restricted (untrusted) workspace never lets the server contact arXiv. */
  readonly trusted: boolean;
  /** Relative catalog paths are relative to the first workspace folder, as in `.paperlens.json`. */
  readonly workspaceFolder: string | undefined;
  readonly homeDirectory: string;
}

export interface MappedSettings {
  readonly payload: ServerSettingsPayload;
  /** Values that were left out, each as a one-line message for the output channel. */
  readonly problems: readonly string[];
}

/** Settings whose change needs a new server process: which executable runs, and what is indexed. */
export const restartSettings: readonly string[] = ['paperlens.server.path', 'paperlens.include', 'paperlens.exclude'];

// The rule codes and names of the spec (§4), the same list as package.json's paperlens.rules schema.
export const ruleNames: ReadonlyMap<string, string> = new Map([
  ['PL001', 'malformed-id'], ['PL002', 'unknown-paper'], ['PL003', 'title-mismatch'], ['PL004', 'withdrawn'],
  ['PL005', 'newer-version'], ['PL006', 'no-such-version'], ['PL007', 'duplicate-entry'], ['PL008', 'unresolved-key'],
  ['PL009', 'not-in-catalog'], ['PL010', 'published-version'], ['PL011', 'bib-syntax'], ['PL012', 'unknown-name'],
  ['PL013', 'author-mismatch'], ['PL014', 'year-mismatch'], ['PL015', 'conflicting-ids'],
]);

const severityWords: ReadonlyMap<string, Severity> = new Map([
  ['off', 'off'], ['none', 'off'], ['hint', 'hint'], ['information', 'information'], ['info', 'information'],
  ['warning', 'warning'], ['warn', 'warning'], ['error', 'error'],
]);

export function mapSettings(read: SettingReader, context: MappingContext): MappedSettings {
  const payload: ServerSettingsPayload = {};
  const problems: string[] = [];

  const catalog = read('catalog');
  if (typeof catalog === 'string' && catalog.trim()) payload.catalog = resolvePath(catalog.trim(), context);
  else if (catalog !== undefined && catalog !== '') problems.push('paperlens.catalog must be a file path; ignored');

  const offline = booleanSetting(read, 'offline', problems);
  if (!context.trusted) payload.offline = true;
  else if (offline !== undefined) payload.offline = offline;

  const inlayHints = booleanSetting(read, 'inlayHints', problems);
  if (inlayHints !== undefined) payload.inlayHints = inlayHints;

  const rules = mapRules(read('rules'), problems);
  if (rules) payload.rules = rules;

  for (const key of ['include', 'exclude'] as const) {
    const globs = globList(read(key), key, problems);
    if (globs.length > 0) payload[key] = globs;
  }
  return { payload, problems };
}

function booleanSetting(read: SettingReader, key: string, problems: string[]): boolean | undefined {
  const value = read(key);
  if (value === undefined || typeof value === 'boolean') return value;
  problems.push(`paperlens.${key} must be true or false, not ${JSON.stringify(value)}; ignored`);
  return undefined;
}

function mapRules(value: unknown, problems: string[]): Record<string, Severity> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('paperlens.rules must be an object of rule codes or names to severities; ignored');
    return undefined;
  }
  const rules: Record<string, Severity> = {};
  for (const [rule, severity] of Object.entries(value)) {
    const code = ruleCode(rule);
    if (!code) {
      problems.push(`paperlens.rules: unknown rule '${rule}' (rules are PL001-PL015 or their names); ignored`);
      continue;
    }
    const word = typeof severity === 'string' ? severityWords.get(severity.trim().toLowerCase()) : undefined;
    if (!word) {
      problems.push(`paperlens.rules: '${rule}' has severity ${JSON.stringify(severity)}; use off, hint, information, warning or error; ignored`);
      continue;
    }
    // A rule set by code and by name is one rule: the server refuses both, so the last one wins here.
    rules[code] = word;
  }
  return Object.keys(rules).length > 0 ? rules : undefined;
}

function ruleCode(rule: string): string | undefined {
  const key = rule.trim();
  for (const [code, name] of ruleNames) {
    if (code.toLowerCase() === key.toLowerCase() || name === key.toLowerCase()) return code;
  }
  return undefined;
}

function globList(value: unknown, key: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`paperlens.${key} must be a list of glob patterns; ignored`);
    return [];
  }
  const globs = value.filter((g): g is string => typeof g === 'string' && g.trim().length > 0).map(g => g.trim());
  if (globs.length !== value.length) problems.push(`paperlens.${key}: entries that are not glob patterns were ignored`);
  return globs;
}

function resolvePath(file: string, context: MappingContext): string {
  const expanded = file === '~' || file.startsWith('~/') ? path.join(context.homeDirectory, file.slice(1)) : file;
  return path.isAbsolute(expanded) || !context.workspaceFolder ? expanded : path.resolve(context.workspaceFolder, expanded);
}
