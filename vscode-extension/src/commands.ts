import * as vscode from 'vscode';
import { AbstractDocuments } from './abstractDocuments';
import { importFileFilters, importMessage, runImport } from './importRunner';
import { PaperLensClient } from './languageClient';
import { Output } from './output';
import {
  AbstractAtRequest, AbstractRequest, AbstractResult, AddToBibliographyCommand, BibtexRequest, BibtexResult, CheckWorkspaceCommand, PaperSearchItem,
  SearchPapersRequest, WorkspaceCheckSummary,
} from './protocol';
import { checkSummaryText } from './statusText';

const SearchLimit = 50;
/** Typing pauses this long before the catalog is searched. */
const SearchDelayMs = 150;

/** The palette commands (package.json contributes.commands). */
export function registerCommands(client: PaperLensClient, abstracts: AbstractDocuments, output: Output): vscode.Disposable[] {
  const commands = new Commands(client, abstracts, output);
  return [
    vscode.commands.registerCommand('paperlens.checkWorkspace', () => commands.checkWorkspace()),
    vscode.commands.registerCommand('paperlens.openAbstract', () => commands.openAbstract()),
    vscode.commands.registerCommand('paperlens.searchPapers', () => commands.searchPapers()),
    vscode.commands.registerCommand('paperlens.copyBibtex', () => commands.copyBibtex()),
    // Run by VS Code after a completion item that inserted a new key: not in the palette. The client
    // library's own forwarding of server commands is off (languageClient.ts), so it is forwarded here.
    vscode.commands.registerCommand(AddToBibliographyCommand, (...args: unknown[]) => commands.addToBibliography(args)),
    vscode.commands.registerCommand('paperlens.importMetadata', () => commands.importMetadata()),
    vscode.commands.registerCommand('paperlens.restartServer', () => client.restart()),
    vscode.commands.registerCommand('paperlens.showOutput', () => output.show()),
  ];
}

type PaperPick = vscode.QuickPickItem & { readonly paper: PaperSearchItem };

class Commands {
  constructor(private readonly client: PaperLensClient, private readonly abstracts: AbstractDocuments, private readonly output: Output) {}

  async checkWorkspace(): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'PaperLens: checking workspace citations…', cancellable: true },
      (_, token) => client.sendRequest<WorkspaceCheckSummary>('workspace/executeCommand', { command: CheckWorkspaceCommand, arguments: [] }, token)
        .catch(error => {
          if (!token.isCancellationRequested) void vscode.window.showErrorMessage(`PaperLens: the workspace check failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }));
    if (!summary) return;
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(checkSummaryText(summary));
  }

  async openAbstract(): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    const editor = vscode.window.activeTextEditor;
    let result = editor && await client.sendRequest<AbstractResult | null>(AbstractAtRequest,
      client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active));
    if (!result) {
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : undefined;
      const id = await vscode.window.showInputBox({
        title: 'PaperLens: Open Abstract',
        prompt: 'No known paper is cited at the cursor. arXiv id of the paper:',
        placeHolder: '2312.00752',
        value: selected,
      });
      if (!id?.trim()) return;
      result = await client.sendRequest<AbstractResult | null>(AbstractRequest, { id: id.trim() });
      if (!result) {
        void vscode.window.showWarningMessage(`PaperLens: ${id.trim()} is not in the catalog. Import arXiv metadata, or let the server look it up online.`);
        return;
      }
    }
    // Rendered, not as Markdown source: the source escapes the abstract's punctuation for the renderer.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', this.abstracts.add(result));
  }

  async addToBibliography(args: unknown[]): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    await client.sendRequest('workspace/executeCommand', { command: AddToBibliographyCommand, arguments: args })
      .catch(error => this.output.warn(`adding to the bibliography failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** The entry of the paper cited at the cursor, as the server writes it (the key a .bib gives it, else a new one). */
  async copyBibtex(): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage('PaperLens: open a document and put the cursor on a citation to copy its BibTeX.');
      return;
    }
    const result = await client.sendRequest<BibtexResult | null>(BibtexRequest,
      client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active));
    if (!result) {
      void vscode.window.showWarningMessage('PaperLens: no paper of the catalog is cited at the cursor.');
      return;
    }
    await vscode.env.clipboard.writeText(result.entry);
    void vscode.window.showInformationMessage(`PaperLens: copied the BibTeX entry ${result.key}.`);
  }

  async searchPapers(): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    const editor = vscode.window.activeTextEditor;
    const picker = vscode.window.createQuickPick<PaperPick>();
    picker.title = 'PaperLens: Search Papers';
    picker.placeholder = 'Title words, author surnames, year or arXiv id';
    picker.matchOnDescription = true;
    picker.matchOnDetail = true;
    let search: vscode.CancellationTokenSource | undefined;
    let timer: NodeJS.Timeout | undefined;
    const query = (text: string) => {
      search?.cancel();
      const current = search = new vscode.CancellationTokenSource();
      picker.busy = true;
      client.sendRequest<PaperSearchItem[]>(SearchPapersRequest,
        { query: text, limit: SearchLimit, textDocument: editor ? { uri: editor.document.uri.toString() } : undefined }, current.token)
        .then(papers => {
          if (current.token.isCancellationRequested) return;
          // The server has ranked and filtered already; VS Code's own filter would hide author and year matches.
          picker.items = papers.map(paper => ({
            label: paper.title,
            description: `arXiv:${paper.id}`,
            detail: `${paper.authors} · ${paper.year}`,
            alwaysShow: true,
            paper,
          }));
          picker.busy = false;
        }, error => {
          if (current.token.isCancellationRequested) return;
          picker.busy = false;
          this.output.warn(`search failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    };
    picker.onDidChangeValue(text => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => query(text), SearchDelayMs);
    });
    // Selected text (a title, a surname) is the first query.
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    if (selected && !selected.includes('\n')) {
      picker.value = selected;
      query(selected);
    }
    const picked = await new Promise<PaperSearchItem | undefined>(resolve => {
      picker.onDidAccept(() => {
        resolve(picker.selectedItems[0]?.paper);
        picker.hide();
      });
      picker.onDidHide(() => resolve(undefined));
      picker.show();
    });
    if (timer) clearTimeout(timer);
    search?.cancel();
    picker.dispose();
    if (!picked) return;
    if (!editor) {
      await vscode.env.clipboard.writeText(picked.insertText);
      void vscode.window.showInformationMessage(`PaperLens: no editor is open; ${picked.insertText} was copied to the clipboard.`);
      return;
    }
    await editor.edit(edit => {
      for (const selection of editor.selections) edit.replace(selection, picked.insertText);
    });
  }

  async importMetadata(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('PaperLens: importing is disabled in a restricted workspace. Trust the workspace to import arXiv metadata.');
      return;
    }
    const server = this.client.server;
    if (!server) {
      this.reportNotRunning();
      return;
    }
    const files = await vscode.window.showOpenDialog({
      title: 'PaperLens: Import arXiv Metadata',
      openLabel: 'Import',
      canSelectMany: false,
      filters: importFileFilters,
    });
    const file = files?.[0]?.fsPath;
    if (!file) return;
    // The same catalog the server reads, whatever chose it (setting, .paperlens.json or default).
    const catalog = (await this.client.status())?.catalog;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `PaperLens: importing ${vscode.workspace.asRelativePath(file)}…`, cancellable: true },
      (_, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return runImport(server, file, catalog, abort.signal);
      });
    for (const line of [...outcome.stdout, ...outcome.stderr]) this.output.info(`import: ${line}`);
    const message = importMessage(outcome, file);
    if (message.severity === 'error') void vscode.window.showErrorMessage(message.text);
    else if (message.severity === 'warning') void vscode.window.showWarningMessage(message.text);
    else void vscode.window.showInformationMessage(message.text);
    // Papers the catalog did not know (PL009) may be known now: findings are published again.
    await this.client.running?.sendRequest('workspace/executeCommand', { command: CheckWorkspaceCommand, arguments: [] });
  }

  private requireClient() {
    const client = this.client.running;
    if (!client) this.reportNotRunning();
    return client;
  }

  private reportNotRunning(): void {
    const state = this.client.current;
    const reason = state.kind === 'failed' ? state.reason
      : state.kind === 'starting' ? 'The PaperLens server is still starting; try again in a moment.'
        : 'The PaperLens server is not running.';
    void vscode.window.showWarningMessage(reason, 'Restart Server', 'Show Output').then(choice => {
      if (choice === 'Restart Server') void this.client.restart();
      else if (choice === 'Show Output') this.output.show();
    });
  }
}
