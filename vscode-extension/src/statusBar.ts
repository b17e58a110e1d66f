import * as vscode from 'vscode';
import { PaperLensClient } from './languageClient';
import { ServerStatus } from './protocol';
import { clickRunsCheck, countProblems, ProblemCounts, StatusState, statusBarText } from './statusText';

/** Waits for a burst of diagnostics (a whole workspace is published file by file) before counting. */
const RecountDelayMs = 300;

/** The status bar item: starting, indexing, then the citation and problem counts; a click checks the workspace. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('paperlens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private serverStatus: ServerStatus | undefined;
  private problems: ProblemCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  private recount: NodeJS.Timeout | undefined;

  constructor(private readonly client: PaperLensClient) {
    this.item.name = 'PaperLens';
    this.disposables.push(
      client.onDidChangeState(() => {
        this.serverStatus = undefined;
        this.render();
      }),
      client.onDidChangeStatus(status => {
        this.serverStatus = status;
        this.render();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRecount()),
    );
    this.render();
    this.item.show();
  }

  private scheduleRecount(): void {
    if (this.recount) clearTimeout(this.recount);
    this.recount = setTimeout(() => void this.recountNow(), RecountDelayMs);
  }

  private async recountNow(): Promise<void> {
    this.recount = undefined;
    const severities: number[] = [];
    this.client.running?.diagnostics?.forEach((_, diagnostics) => {
      for (const diagnostic of diagnostics) severities.push(diagnostic.severity);
    });
    this.problems = countProblems(severities);
    // Edits change the number of citations too; the server counts them.
    this.serverStatus = await this.client.status().catch(() => this.serverStatus) ?? this.serverStatus;
    this.render();
  }

  private state(): StatusState {
    const current = this.client.current;
    switch (current.kind) {
      case 'starting': return { phase: 'starting' };
      case 'failed': return { phase: 'failed', reason: current.reason };
      case 'stopped': return { phase: 'stopped' };
      case 'running': {
        const status = this.serverStatus;
        if (!status) return { phase: 'starting' };
        if (status.indexing) return { phase: 'indexing', offline: status.offline };
        return { phase: 'ready', files: status.files, citations: status.citations, problems: this.problems, offline: status.offline };
      }
    }
  }

  private render(): void {
    const state = this.state();
    const { text, tooltip } = statusBarText(state);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = clickRunsCheck(state) ? 'paperlens.checkWorkspace' : 'paperlens.showOutput';
    this.item.backgroundColor = state.phase === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    if (this.recount) clearTimeout(this.recount);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
