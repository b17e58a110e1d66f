import * as vscode from 'vscode';
import { AbstractDocuments } from './abstractDocuments';
import { registerCommands } from './commands';
import { PaperLensClient } from './languageClient';
import { Output } from './output';
import { StatusBar } from './statusBar';

let client: PaperLensClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = new Output();
  client = new PaperLensClient(context.extensionPath, output);
  const abstracts = new AbstractDocuments();
  context.subscriptions.push(
    output,
    client,
    new StatusBar(client),
    abstracts,
    vscode.workspace.registerTextDocumentContentProvider(AbstractDocuments.scheme, abstracts),
    ...registerCommands(client, abstracts, output),
  );
  // Not awaited: finding and starting the server happens after activation returns.
  void client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
