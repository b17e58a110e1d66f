import { WorkspaceCheckSummary } from './protocol';

/** What the status bar item shows, from the server's status and the diagnostics it published. */
export type StatusState =
  | { readonly phase: 'starting' }
  | { readonly phase: 'failed'; readonly reason: string }
  | { readonly phase: 'stopped' }
  | { readonly phase: 'indexing'; readonly offline: boolean }
  | {
    readonly phase: 'ready';
    readonly files: number;
    readonly citations: number;
    readonly problems: ProblemCounts;
    readonly offline: boolean;
  };

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}

export interface StatusBarText {
  /** Always begins with "PaperLens"; codicons ($(…)) only after it. */
  readonly text: string;
  readonly tooltip: string;
}

const clickToCheck = 'Click to check the workspace citations.';

export function statusBarText(state: StatusState): StatusBarText {
  switch (state.phase) {
    case 'starting':
      return { text: 'PaperLens $(sync~spin) starting', tooltip: 'The PaperLens language server is starting.' };
    case 'failed':
      return { text: 'PaperLens $(error) not running', tooltip: `${state.reason}\nClick to show the PaperLens output.` };
    case 'stopped':
      return { text: 'PaperLens $(circle-slash) stopped', tooltip: 'The PaperLens language server is not running. Run "PaperLens: Restart Server" to start it.' };
    case 'indexing':
      return { text: `PaperLens $(sync~spin) indexing citations…${offlineMarker(state.offline)}`, tooltip: `Indexing the workspace's citations.${offlineNote(state.offline)}` };
    case 'ready': {
      // The Problems panel lists errors, warnings and information; hints show only in the editor.
      const problems = state.problems.errors + state.problems.warnings + state.problems.information;
      return {
        text: `PaperLens: ${count(state.citations, 'citation')}, ${count(problems, 'problem')}${offlineMarker(state.offline)}`,
        tooltip: `${count(state.citations, 'citation')} in ${count(state.files, 'file')}: `
          + `${count(state.problems.errors, 'error')}, ${count(state.problems.warnings, 'warning')}, `
          + `${state.problems.information} information, ${count(state.problems.hints, 'hint')}.`
          + `${offlineNote(state.offline)}\n${clickToCheck}`,
      };
    }
  }
}

/** Whether clicking the item should run the workspace check (else it shows the output). */
export function clickRunsCheck(state: StatusState): boolean {
  return state.phase === 'indexing' || state.phase === 'ready';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function offlineMarker(offline: boolean): string {
  return offline ? ' (offline)' : '';
}

function offlineNote(offline: boolean): string {
  return offline ? '\nOffline: arXiv is never asked; papers the catalog does not know are PL009.' : '';
}

/** Counts diagnostics by VS Code's DiagnosticSeverity (0 error, 1 warning, 2 information, 3 hint). */
export function countProblems(severities: Iterable<number>): ProblemCounts {
  const counts = [0, 0, 0, 0];
  for (const severity of severities) counts[severity] = (counts[severity] ?? 0) + 1;
  return { errors: counts[0], warnings: counts[1], information: counts[2], hints: counts[3] };
}

/** The notification after Check Workspace Citations. */
export function checkSummaryText(summary: WorkspaceCheckSummary): string {
  return `PaperLens: ${count(summary.citations, 'citation')} in ${count(summary.files, 'file')}: `
    + `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${summary.information} information, ${count(summary.hints, 'hint')}.`;
}
