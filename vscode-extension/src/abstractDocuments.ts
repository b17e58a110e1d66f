import * as vscode from 'vscode';
import { AbstractResult } from './protocol';

/** Abstracts as read-only virtual Markdown documents (paperlens-abstract:/arXiv 2312.00752.md): nothing
 * is written to the workspace, and the Markdown preview works on them like on any .md file. */
export class AbstractDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'paperlens-abstract';

  private readonly documents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Keeps the abstract and returns the document's URI; an abstract shown again is refreshed. */
  add(result: AbstractResult): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: AbstractDocuments.scheme, path: `/arXiv ${result.id.replace(/\//g, '_')}.md` });
    const known = this.documents.has(uri.toString());
    this.documents.set(uri.toString(), result.markdown);
    if (known) this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? 'This abstract is no longer available: run "PaperLens: Open Abstract" again.';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
