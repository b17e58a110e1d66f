import { execFile } from 'child_process';
import { isMissingRuntime, parseVersion, ProbeResult, ServerCommand } from './serverLookup';

/** Long enough for a cold .NET start on a slow disk; a server that takes longer would not serve an editor. */
const ProbeTimeoutMs = 15_000;

/** Runs `<candidate> --version` and reads the version it prints. */
export function probeServer(candidate: ServerCommand, timeoutMs = ProbeTimeoutMs): Promise<ProbeResult> {
  return new Promise(resolve => {
    execFile(candidate.command, [...candidate.args, '--version'],
      // PAPERLENS_OFFLINE: printing the version never needs arXiv, and a probe must never wait for it.
      { timeout: timeoutMs, windowsHide: true, env: { ...process.env, PAPERLENS_OFFLINE: '1' } },
      (error, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`.trim();
        const version = parseVersion(stdout);
        if (!error && version) {
          resolve({ ok: true, version });
          return;
        }
        const notFound = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolve({ ok: false, reason: reason(error, output, notFound, timeoutMs), missingRuntime: isMissingRuntime(candidate, output, notFound) });
      });
  });
}

function reason(error: (Error & { killed?: boolean; code?: unknown }) | null, output: string, notFound: boolean, timeoutMs: number): string {
  if (notFound) return 'not found';
  if (error?.killed) return `no answer to --version within ${timeoutMs / 1000} s`;
  const firstLine = output.split(/\r?\n/).find(line => line.trim().length > 0)?.trim();
  if (!error) return `--version printed no version${firstLine ? `: ${firstLine}` : ''}`;
  const status = typeof error.code === 'number' ? `exit status ${error.code}` : error.message;
  return firstLine ? `${status}: ${firstLine}` : status;
}
