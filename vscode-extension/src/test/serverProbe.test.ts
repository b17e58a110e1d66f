import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ServerCommand } from '../serverLookup';
import { probeServer } from '../serverProbe';

/** A stand-in server: node running a script that behaves like `paperlens --version` would. */
function fakeServer(directory: string, script: string): ServerCommand {
  const file = path.join(directory, `server-${Math.random().toString(36).slice(2)}.js`);
  fs.writeFileSync(file, script);
  return { command: process.execPath, args: [file], source: 'setting' };
}

describe('server probe', () => {
  let directory: string;
  before(() => { directory = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlens-probe-')); });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('runs the candidate with --version, offline, and reads the version', async () => {
    const server = fakeServer(directory, `
      if (process.argv[2] !== '--version' || process.env.PAPERLENS_OFFLINE !== '1') process.exit(3);
      console.log('0.1.0+92e3809');`);

    assert.deepStrictEqual(await probeServer(server), { ok: true, version: '0.1.0' });
  });

  it('gives the exit status and first line of output of a server that fails', async () => {
    const server = fakeServer(directory, "console.error('You must install .NET to run this application.'); process.exit(150);");

    const result = await probeServer(server);

    assert.deepStrictEqual(result, { ok: false, reason: 'exit status 150: You must install .NET to run this application.', missingRuntime: true });
  });

  it('refuses a program that answers without a version', async () => {
    const server = fakeServer(directory, "console.log('hello');");

    assert.deepStrictEqual(await probeServer(server), { ok: false, reason: '--version printed no version: hello', missingRuntime: false });
  });

  it('says not found for a missing executable', async () => {
    const result = await probeServer({ command: path.join(directory, 'no-such-paperlens'), args: [], source: 'setting' });

    assert.deepStrictEqual(result, { ok: false, reason: 'not found', missingRuntime: false });
  });

  it('gives up on a server that does not answer', async () => {
    const server = fakeServer(directory, 'setTimeout(() => {}, 60000);');

    const result = await probeServer(server, 300);

    assert.deepStrictEqual(result, { ok: false, reason: 'no answer to --version within 0.3 s', missingRuntime: false });
  });
});
