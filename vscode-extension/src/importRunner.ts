import { spawn } from 'child_process';
import { ServerCommand } from './serverLookup';

/** The files `paperlens import` reads (spec §5), for the file picker. */
export const importFileFilters: Readonly<Record<string, string[]>> = {
  'arXiv metadata': ['json', 'jsonl', 'gz', 'bib', 'xml'],
};

export interface ImportOutcome {
  /** The process's exit status; null when it was stopped (cancelled) or could not start. */
  readonly exitCode: number | null;
  readonly cancelled: boolean;
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  /** Why the process could not start at all. */
  readonly startError?: string;
}

export interface ImportMessage {
  readonly severity: 'information' | 'warning' | 'error';
  readonly text: string;
}

export function importArgs(server: ServerCommand, file: string, catalog: string | undefined): string[] {
  return [...server.args, 'import', file, ...(catalog ? ['--catalog', catalog] : [])];
}

/** Runs `paperlens import FILE --catalog CATALOG`; aborting the signal stops the process (each batch
 * is its own transaction, so what was imported before stays). */
export function runImport(server: ServerCommand, file: string, catalog: string | undefined, signal: AbortSignal): Promise<ImportOutcome> {
  return new Promise(resolve => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const child = spawn(server.command, importArgs(server, file, catalog), { windowsHide: true, signal });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    let startError: string | undefined;
    child.on('error', error => {
      if (!signal.aborted) startError = error.message;
    });
    child.on('close', code => resolve({
      exitCode: code,
      cancelled: signal.aborted,
      stdout: lines(stdout.join('')),
      stderr: lines(stderr.join('')),
      startError,
    }));
  });
}

/** The notification after an import: the CLI's own summary lines, or its first error. */
export function importMessage(outcome: ImportOutcome, file: string): ImportMessage {
  if (outcome.cancelled) return { severity: 'warning', text: `Import of ${file} cancelled; the records imported before stay in the catalog.` };
  if (outcome.startError) return { severity: 'error', text: `Import of ${file} could not start: ${outcome.startError}` };
  const summary = outcome.stdout.join('; ');
  if (outcome.exitCode === 0) return { severity: 'information', text: `Imported ${summary}` };
  // The CLI writes each failed line as FILE:LINE: reason, and a fatal error as "paperlens: reason".
  const problems = outcome.stderr.filter(line => /:\d+: |^paperlens: /.test(line));
  const firstProblem = problems[0] ?? outcome.stderr[0] ?? `exit status ${outcome.exitCode}`;
  // Exit status 1: some lines or entries failed, the rest was imported (spec §5).
  if (outcome.exitCode === 1) return { severity: 'warning', text: `Imported with problems: ${summary}. First problem: ${firstProblem}` };
  return { severity: 'error', text: `Import failed: ${problems.at(-1) ?? firstProblem}` };
}

function lines(text: string): string[] {
  // Spectre.Console draws its progress bar on stderr with ANSI sequences; keep only the text.
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n|\r/).map(l => l.trim()).filter(l => l.length > 0);
}
