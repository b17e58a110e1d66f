import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  ClientCapabilities, DynamicFeature, FeatureState, LanguageClient, LanguageClientOptions, State, StaticFeature,
} from 'vscode-languageclient/node';
import { scannedFileGlobs } from './documentFilters';
import { ServerStatus, StatusChangedNotification, StatusRequest } from './protocol';
import { mapSettings, MappedSettings, restartSettings } from './settings';
import { findServer, noServerMessage, ServerCommand, serverCandidates, settingFailureMessage } from './serverLookup';
import { Output } from './output';
import { probeServer } from './serverProbe';

export type ClientState =
  | { readonly kind: 'starting' }
  | { readonly kind: 'running'; readonly server: ServerCommand & { readonly version: string } }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'stopped' };

/** The PaperLens language server's lifecycle in this window: finds the server, starts it, sends the
 * settings, restarts it when the executable, the indexed files or the workspace trust change. */
export class PaperLensClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private state: ClientState = { kind: 'stopped' };
  private readonly stateChanged = new vscode.EventEmitter<ClientState>();
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus>();
  private readonly disposables: vscode.Disposable[] = [this.stateChanged, this.statusChanged];
  private readonly clientDisposables: vscode.Disposable[] = [];
  private lifecycle: Promise<void> = Promise.resolve();

  readonly onDidChangeState = this.stateChanged.event;
  readonly onDidChangeStatus = this.statusChanged.event;

  constructor(private readonly extensionPath: string, private readonly output: Output) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration(e => this.configurationChanged(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.output.info('Workspace trusted: restarting the server with network access and the workspace settings.');
        void this.restart();
      }),
    );
  }

  get current(): ClientState {
    return this.state;
  }

  /** The running client, or undefined (then the reason is in the state). */
  get running(): LanguageClient | undefined {
    return this.state.kind === 'running' && this.client?.state === State.Running ? this.client : undefined;
  }

  /** The server found at the last start: the import command runs the same executable. */
  get server(): ServerCommand | undefined {
    return this.state.kind === 'running' ? this.state.server : undefined;
  }

  start(): Promise<void> {
    return this.serialize(() => this.startNow());
  }

  restart(): Promise<void> {
    return this.serialize(async () => {
      await this.stopNow();
      await this.startNow();
    });
  }

  stop(): Promise<void> {
    return this.serialize(() => this.stopNow());
  }

  async status(): Promise<ServerStatus | undefined> {
    return this.running?.sendRequest<ServerStatus>(StatusRequest);
  }

  /** Starts and stops never overlap: each waits for the one before. */
  private serialize(step: () => Promise<void>): Promise<void> {
    this.lifecycle = this.lifecycle.then(step, step);
    return this.lifecycle;
  }

  private setState(state: ClientState): void {
    this.state = state;
    this.stateChanged.fire(state);
  }

  private async startNow(): Promise<void> {
    this.setState({ kind: 'starting' });
    const lookup = await findServer(serverCandidates({
      settingPath: this.readSetting('server.path') as string | undefined,
      extensionPath: this.extensionPath,
      bundledNeedsDotnet: fs.existsSync(path.join(this.extensionPath, 'server', 'paperlens.dll')),
      platform: process.platform,
      homeDirectory: os.homedir(),
    }), probeServer);
    for (const failure of lookup.failures) this.output.info(`server candidate ${failure.candidate.command} ${failure.candidate.args.join(' ')}: ${failure.reason}`);
    if (!lookup.server) {
      const message = noServerMessage(lookup.failures);
      this.output.error(message);
      this.setState({ kind: 'failed', reason: message });
      void notifyNoServer(message, lookup.failures.some(f => f.missingRuntime));
      return;
    }
    const settingFailure = settingFailureMessage(lookup);
    if (settingFailure) void vscode.window.showWarningMessage(settingFailure);

    const server = lookup.server;
    const trusted = vscode.workspace.isTrusted;
    this.output.info(`starting ${[server.command, ...server.args].join(' ')} (paperlens ${server.version})${trusted ? '' : ' offline: the workspace is restricted'}`);
    const client = new PaperLensLanguageClient('paperlens', 'PaperLens', {
      command: server.command,
      // A restricted workspace gets an offline server: the command line wins over every setting.
      args: [...server.args, 'lsp', ...(trusted ? [] : ['--offline'])],
      options: { env: trusted ? process.env : { ...process.env, PAPERLENS_OFFLINE: '1' } },
    }, this.clientOptions());
    client.registerFeature(pushedDiagnostics);
    this.client = client;
    this.clientDisposables.push(
      client.onNotification(StatusChangedNotification, (status: ServerStatus) => this.statusChanged.fire(status)),
      // After the first start: the client library restarts a server that crashed, a few times.
      client.onDidChangeState(e => {
        if (this.client !== client || this.state.kind === 'starting') return;
        if (e.newState === State.Stopped) this.setState({ kind: 'stopped' });
        else if (e.newState === State.Running) this.setState({ kind: 'running', server });
      }),
    );
    try {
      await client.start();
    } catch (error) {
      const message = `The PaperLens server (${server.command}) failed to start: ${error instanceof Error ? error.message : String(error)}`;
      this.output.error(message);
      this.client = undefined;
      for (const disposable of this.clientDisposables.splice(0)) disposable.dispose();
      this.setState({ kind: 'failed', reason: message });
      return;
    }
    this.setState({ kind: 'running', server });
    const status = await this.status();
    if (status) this.statusChanged.fire(status);
  }

  private async stopNow(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const disposable of this.clientDisposables.splice(0)) disposable.dispose();
    if (client) {
      try {
        await client.stop();
      } catch (error) {
        this.output.warn(`stopping the server: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.setState({ kind: 'stopped' });
  }

  private clientOptions(): LanguageClientOptions {
    return {
      // The cells of an open Jupyter notebook are documents of their own (LSP notebook sync): hover,
      // completion and code actions in them go to the server like those of any scanned file.
      documentSelector: [
        ...scannedFileGlobs().map(pattern => ({ scheme: 'file', pattern })),
        { notebook: 'jupyter-notebook', language: '*' },
      ],
      outputChannel: this.output.channel,
      traceOutputChannel: this.output.channel,
      initializationOptions: () => this.settings().payload,
      diagnosticCollectionName: 'paperlens',
      // No file watchers here: the server registers its own (client/registerCapability) for the files
      // it scans, .paperlens.json and .gitignore; watching here too would report each change twice.
    };
  }

  private settings(): MappedSettings {
    const mapped = mapSettings(key => this.readSetting(key), {
      trusted: vscode.workspace.isTrusted,
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      homeDirectory: os.homedir(),
    });
    for (const problem of mapped.problems) this.output.warn(problem);
    return mapped;
  }

  /** A setting's value where the user set it, else undefined (the defaults stay the server's). */
  private readSetting(key: string): unknown {
    const inspected = vscode.workspace.getConfiguration('paperlens').inspect(key);
    if (!inspected) return undefined;
    // In a restricted workspace, the workspace may not choose the executable or the catalog file.
    const workspaceMayChoose = vscode.workspace.isTrusted || !(key === 'server.path' || key === 'catalog');
    return (workspaceMayChoose ? inspected.workspaceFolderValue ?? inspected.workspaceValue : undefined) ?? inspected.globalValue;
  }

  private configurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (!event.affectsConfiguration('paperlens')) return;
    if (restartSettings.some(key => event.affectsConfiguration(key))) {
      this.output.info('settings changed: restarting the server');
      void this.restart();
      return;
    }
    // The client library applies paperlens.trace.server itself; the rest goes to the server as it reads it.
    void this.running?.sendNotification('workspace/didChangeConfiguration', { settings: { paperlens: this.settings().payload } });
  }

  dispose(): void {
    void this.stop();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * The extension contributes the paperlens.checkWorkspace command itself (with progress and the
 * Problems panel); the client library's own registration of the server's commands would collide.
 */
class PaperLensLanguageClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    if ('registrationType' in feature && feature.registrationType.method === 'workspace/executeCommand') return;
    super.registerFeature(feature);
  }
}

/**
 * Without the pull capability the server pushes diagnostics for the whole workspace after indexing,
 * so the Problems panel lists every file's findings, not only the open documents'.
 */
const pushedDiagnostics: StaticFeature = {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    if (capabilities.textDocument) capabilities.textDocument.diagnostic = undefined;
  },
  initialize(): void {},
  getState(): FeatureState {
    return { kind: 'static' };
  },
  clear(): void {},
};

async function notifyNoServer(message: string, missingRuntime: boolean): Promise<void> {
  const actions = missingRuntime ? ['Install .NET', 'Open Settings', 'Show Output'] : ['Open Settings', 'Show Output'];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === 'Install .NET') await vscode.env.openExternal(vscode.Uri.parse('https://dotnet.microsoft.com/download/dotnet/10.0'));
  else if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'paperlens.server.path');
  else if (choice === 'Show Output') await vscode.commands.executeCommand('paperlens.showOutput');
}
