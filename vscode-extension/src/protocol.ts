// PaperLens's own messages beside LSP, as the server defines them
// (server/PaperLens.Server/Protocol/PaperLensRequests.cs and the paperlens/abstract request).

export const SearchPapersRequest = 'paperlens/searchPapers';
export const AbstractAtRequest = 'paperlens/abstractAt';
export const AbstractRequest = 'paperlens/abstract';
export const StatusRequest = 'paperlens/status';
/** The BibTeX entry of the paper cited at a position (TextDocumentPositionParams), or null. */
export const BibtexRequest = 'paperlens/bibtex';
export const StatusChangedNotification = 'paperlens/statusChanged';
/** The server's workspace/executeCommand command: the whole check again, summarised. */
export const CheckWorkspaceCommand = 'paperlens.checkWorkspace';
/** The server's command a completion item that inserted a new key carries: the paper's entry added to the
 * document's bibliography (the server sends the edit as workspace/applyEdit). */
export const AddToBibliographyCommand = 'paperlens.addToBibliography';

export interface SearchPapersParams {
  readonly query: string;
  readonly limit?: number;
  readonly textDocument?: { readonly uri: string };
}

export interface PaperSearchItem {
  readonly id: string;
  readonly title: string;
  readonly authors: string;
  readonly year: number;
  /** How the paper is cited in the requesting document: a Markdown link or arXiv:ID. */
  readonly insertText: string;
}

export interface AbstractResult {
  readonly id: string;
  readonly uri?: string;
  readonly markdown: string;
}

/** The entry under the key a .bib of the workspace gives the paper, else the key PaperLens makes for it. */
export interface BibtexResult {
  readonly key: string;
  readonly entry: string;
}

export interface ServerStatus {
  readonly indexing: boolean;
  readonly files: number;
  readonly citations: number;
  readonly offline: boolean;
  readonly catalog: string;
}

export interface WorkspaceCheckSummary {
  readonly files: number;
  readonly citations: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}
