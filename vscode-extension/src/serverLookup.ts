import * as path from 'path';

/** One way to start `paperlens`: the executable and the arguments that come before the command's own. */
export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Where the candidate came from, for messages: the setting, the .vsix, or PATH. */
  readonly source: 'setting' | 'bundled' | 'path';
}

export type ProbeResult =
  | { readonly ok: true; readonly version: string }
  | { readonly ok: false; readonly reason: string; readonly missingRuntime: boolean };

/** Runs a candidate with `--version`; the real one starts a process (serverProbe.ts). */
export type Probe = (candidate: ServerCommand) => Promise<ProbeResult>;

export interface ProbeFailure {
  readonly candidate: ServerCommand;
  readonly reason: string;
  readonly missingRuntime: boolean;
}

export interface LookupResult {
  readonly server?: ServerCommand & { readonly version: string };
  /** The candidates tried before the one found (all of them when none works), in order. */
  readonly failures: readonly ProbeFailure[];
}

export interface LookupInputs {
  /** The paperlens.server.path setting, as written. */
  readonly settingPath: string | undefined;
  /** The extension's folder; the .vsix carries the published server in its server/ folder. */
  readonly extensionPath: string;
  /**
   * Whether server/ holds the framework-dependent build (paperlens.dll: the universal .vsix) rather than
   * the native binary of a platform-specific .vsix, which needs no .NET.
   */
  readonly bundledNeedsDotnet: boolean;
  readonly platform: NodeJS.Platform;
  readonly homeDirectory: string;
}

/**
 * The servers to try, in order: the paperlens.server.path setting (a choice the user made), the server
 * bundled in the .vsix, then `paperlens` on PATH. A platform-specific .vsix bundles the native binary,
 * tried alone; the universal one the framework-dependent build: its native launcher first, then the
 * portable `dotnet paperlens.dll` (the launcher is built for one platform only). A setting naming a
 * .dll is run with `dotnet`.
 */
export function serverCandidates(inputs: LookupInputs): ServerCommand[] {
  const candidates: ServerCommand[] = [];
  const setting = inputs.settingPath?.trim();
  if (setting) {
    const resolved = expandHome(setting, inputs.homeDirectory);
    candidates.push(resolved.toLowerCase().endsWith('.dll')
      ? { command: 'dotnet', args: [resolved], source: 'setting' }
      : { command: resolved, args: [], source: 'setting' });
  }
  const bundled = path.join(inputs.extensionPath, 'server');
  const launcher = inputs.platform === 'win32' ? 'paperlens.exe' : 'paperlens';
  candidates.push({ command: path.join(bundled, launcher), args: [], source: 'bundled' });
  if (inputs.bundledNeedsDotnet) candidates.push({ command: 'dotnet', args: [path.join(bundled, 'paperlens.dll')], source: 'bundled' });
  candidates.push({ command: 'paperlens', args: [], source: 'path' });
  return candidates;
}

/** Tries the candidates in order and stops at the first that answers `--version`. */
export async function findServer(candidates: readonly ServerCommand[], probe: Probe): Promise<LookupResult> {
  const failures: ProbeFailure[] = [];
  for (const candidate of candidates) {
    const result = await probe(candidate);
    if (result.ok) return { server: { ...candidate, version: result.version }, failures };
    failures.push({ candidate, reason: result.reason, missingRuntime: result.missingRuntime });
  }
  return { failures };
}

export function describe(candidate: ServerCommand): string {
  const line = [candidate.command, ...candidate.args].join(' ');
  switch (candidate.source) {
    case 'setting': return `paperlens.server.path (${line})`;
    case 'bundled': return `the bundled server (${line})`;
    case 'path': return '`paperlens` on PATH';
  }
}

/** What to tell the user when no candidate works, with the fix. */
export function noServerMessage(failures: readonly ProbeFailure[]): string {
  const runtime = failures.some(f => f.candidate.source === 'bundled' && f.missingRuntime);
  const fix = runtime
    ? 'PaperLens needs the .NET 10 runtime to run its bundled language server: install it (https://dotnet.microsoft.com/download/dotnet/10.0), or set paperlens.server.path to a paperlens executable.'
    : 'PaperLens could not start its language server: set paperlens.server.path to a paperlens executable that runs.';
  return `${fix} Tried: ${failures.map(f => `${describe(f.candidate)}: ${f.reason.replace(/\.$/, '')}`).join('; ')}.`;
}

/** The warning for a paperlens.server.path that did not run while another server did. */
export function settingFailureMessage(result: LookupResult): string | undefined {
  const setting = result.failures.find(f => f.candidate.source === 'setting');
  if (!setting || !result.server) return undefined;
  return `paperlens.server.path did not run (${setting.reason}); using ${describe(result.server)} instead.`;
}

/** The version `paperlens --version` printed (System.CommandLine adds the commit: 0.1.0+92e3809…). */
export function parseVersion(output: string): string | undefined {
  return /^\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(output)?.[1];
}

/** Whether a failed start means the .NET runtime is missing rather than a broken server. */
export function isMissingRuntime(candidate: ServerCommand, output: string, notFound: boolean): boolean {
  if (notFound) return candidate.command === 'dotnet';
  return /You must install( or update)? \.NET|framework '?Microsoft\.NETCore\.App'?.*was not found|No frameworks were found/i.test(output);
}

function expandHome(file: string, home: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(home, file.slice(1)) : file;
}
