import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importArgs, importMessage, ImportOutcome, runImport } from '../importRunner';
import { ServerCommand } from '../serverLookup';

/** A stand-in for `paperlens`: node running a script that records its arguments and answers like the CLI. */
function fakeServer(directory: string, script: string): ServerCommand {
  const file = path.join(directory, `paperlens-${Math.random().toString(36).slice(2)}.js`);
  fs.writeFileSync(file, script);
  return { command: process.execPath, args: [file], source: 'bundled' };
}

const outcome = (o: Partial<ImportOutcome>): ImportOutcome => ({ exitCode: 0, cancelled: false, stdout: [], stderr: [], ...o });

describe('import', () => {
  let directory: string;
  before(() => { directory = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlens-import-')); });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('runs import FILE --catalog CATALOG after the server command', () => {
    const server: ServerCommand = { command: 'dotnet', args: ['/ext/server/paperlens.dll'], source: 'bundled' };

    assert.deepStrictEqual(importArgs(server, '/data/papers.jsonl', '/cache/catalog.db'),
      ['/ext/server/paperlens.dll', 'import', '/data/papers.jsonl', '--catalog', '/cache/catalog.db']);
    assert.deepStrictEqual(importArgs(server, '/data/refs.bib', undefined), ['/ext/server/paperlens.dll', 'import', '/data/refs.bib']);
  });

  it('collects the summary from stdout and the problems from stderr without the progress bar escapes', async () => {
    const server = fakeServer(directory, `
      const [command, file, flag, catalog] = process.argv.slice(2);
      process.stderr.write('\\x1b[2K\\x1b[1Apapers.jsonl 10 records\\r');
      process.stderr.write(file + ':3: not JSON\\n');
      console.log(file + ': 10 records read, 9 new, 0 updated, 0 unchanged, 1 failed');
      console.log('catalog ' + catalog + ': 9 papers (' + command + ' ' + flag + ')');
      process.exit(1);`);

    const result = await runImport(server, 'papers.jsonl', '/tmp/c.db', new AbortController().signal);

    assert.deepStrictEqual(result, {
      exitCode: 1,
      cancelled: false,
      stdout: ['papers.jsonl: 10 records read, 9 new, 0 updated, 0 unchanged, 1 failed', 'catalog /tmp/c.db: 9 papers (import --catalog)'],
      stderr: ['papers.jsonl 10 records', 'papers.jsonl:3: not JSON'],
      startError: undefined,
    });
  });

  it('stops the import when cancelled', async () => {
    const server = fakeServer(directory, 'setTimeout(() => {}, 60000);');
    const abort = new AbortController();

    const running = runImport(server, 'big.jsonl.gz', undefined, abort.signal);
    abort.abort();
    const result = await running;

    assert.strictEqual(result.cancelled, true);
    assert.strictEqual(importMessage(result, 'big.jsonl.gz').text, 'Import of big.jsonl.gz cancelled; the records imported before stay in the catalog.');
  });

  it('reports an executable that cannot start', async () => {
    const result = await runImport({ command: path.join(directory, 'missing'), args: [], source: 'path' }, 'a.json', undefined, new AbortController().signal);

    const message = importMessage(result, 'a.json');
    assert.strictEqual(message.severity, 'error');
    assert.match(message.text, /^Import of a\.json could not start: .*ENOENT/);
  });

  it('turns the exit status into the notification: imported, imported with problems, failed', () => {
    const summary = ['a.jsonl: 2 records read, 2 new, 0 updated, 0 unchanged, 0 failed (0.1 s, 20 records/s)', 'catalog /c.db: 59 papers'];

    assert.deepStrictEqual(importMessage(outcome({ stdout: summary }), 'a.jsonl'),
      { severity: 'information', text: `Imported ${summary.join('; ')}` });
    assert.deepStrictEqual(importMessage(outcome({ exitCode: 1, stdout: summary, stderr: ['a.jsonl 3 records', 'a.jsonl:3: not JSON'] }), 'a.jsonl'),
      { severity: 'warning', text: `Imported with problems: ${summary.join('; ')}. First problem: a.jsonl:3: not JSON` });
    assert.deepStrictEqual(importMessage(outcome({ exitCode: 2, stderr: ['paperlens: /c.db is not a PaperLens catalog'] }), 'a.jsonl'),
      { severity: 'error', text: 'Import failed: paperlens: /c.db is not a PaperLens catalog' });
  });
});
