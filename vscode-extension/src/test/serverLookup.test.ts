import * as assert from 'assert';
import * as path from 'path';
import {
  findServer, isMissingRuntime, noServerMessage, parseVersion, Probe, ProbeResult, ServerCommand, serverCandidates,
  settingFailureMessage,
} from '../serverLookup';

const extensionPath = path.join(path.sep, 'ext');
// The universal .vsix: the framework-dependent build in server/.
const inputs = {
  settingPath: undefined, extensionPath, bundledNeedsDotnet: true, platform: 'linux' as NodeJS.Platform, homeDirectory: path.join(path.sep, 'home', 'ada'),
};
// A platform-specific .vsix: the native binary in server/.
const nativeInputs = { ...inputs, bundledNeedsDotnet: false };

function line(candidate: ServerCommand): string {
  return [candidate.command, ...candidate.args].join(' ');
}

/** A probe that answers from a table by command line and records what it was asked. */
function fakeProbe(answers: Record<string, ProbeResult>): Probe & { asked: string[] } {
  const asked: string[] = [];
  const probe = async (candidate: ServerCommand) => {
    asked.push(line(candidate));
    return answers[line(candidate)] ?? { ok: false, reason: 'not found', missingRuntime: false };
  };
  return Object.assign(probe, { asked });
}

const bundledLauncher = path.join(extensionPath, 'server', 'paperlens');
const bundledDll = `dotnet ${path.join(extensionPath, 'server', 'paperlens.dll')}`;

describe('server lookup', () => {
  it('tries the setting, then the bundled launcher, then dotnet with the bundled dll, then paperlens on PATH', () => {
    const candidates = serverCandidates({ ...inputs, settingPath: '/opt/paperlens/paperlens' });

    assert.deepStrictEqual(candidates.map(line), ['/opt/paperlens/paperlens', bundledLauncher, bundledDll, 'paperlens']);
    assert.deepStrictEqual(candidates.map(c => c.source), ['setting', 'bundled', 'bundled', 'path']);
  });

  it('skips an empty setting, runs a .dll setting with dotnet and expands ~', () => {
    assert.deepStrictEqual(serverCandidates({ ...inputs, settingPath: '  ' }).map(c => c.source), ['bundled', 'bundled', 'path']);
    assert.strictEqual(line(serverCandidates({ ...inputs, settingPath: '~/tools/paperlens.dll' })[0]),
      `dotnet ${path.join(inputs.homeDirectory, 'tools', 'paperlens.dll')}`);
  });

  it('in a platform .vsix tries the setting, the bundled native binary, then paperlens on PATH, and never dotnet', () => {
    const candidates = serverCandidates({ ...nativeInputs, settingPath: '/opt/paperlens/paperlens' });

    assert.deepStrictEqual(candidates.map(line), ['/opt/paperlens/paperlens', bundledLauncher, 'paperlens']);
    assert.deepStrictEqual(candidates.map(c => c.source), ['setting', 'bundled', 'path']);
    assert.deepStrictEqual(serverCandidates(nativeInputs).map(line), [bundledLauncher, 'paperlens']);
  });

  it('starts the bundled native binary of a platform .vsix where no dotnet is installed', async () => {
    const probe = fakeProbe({ [bundledLauncher]: { ok: true, version: '0.1.0' } });

    const result = await findServer(serverCandidates(nativeInputs), probe);

    assert.strictEqual(result.server && line(result.server), bundledLauncher);
    assert.deepStrictEqual(probe.asked, [bundledLauncher]);
    assert.deepStrictEqual(result.failures, []);
  });

  it('asks for a working executable, not .NET, when the native binary of a platform .vsix does not run', async () => {
    const probe = fakeProbe({ [bundledLauncher]: { ok: false, reason: 'exit status 126: permission denied', missingRuntime: false } });

    const result = await findServer(serverCandidates(nativeInputs), probe);

    assert.strictEqual(result.server, undefined);
    assert.match(noServerMessage(result.failures), /^PaperLens could not start its language server: set paperlens\.server\.path.*the bundled server \(\/ext\/server\/paperlens\): exit status 126/);
  });

  it('uses the .exe launcher on Windows', () => {
    assert.strictEqual(serverCandidates({ ...inputs, platform: 'win32' })[0].command, path.join(extensionPath, 'server', 'paperlens.exe'));
    assert.strictEqual(serverCandidates({ ...nativeInputs, platform: 'win32' })[0].command, path.join(extensionPath, 'server', 'paperlens.exe'));
  });

  it('stops at the first candidate whose --version answers', async () => {
    const probe = fakeProbe({ [bundledDll]: { ok: true, version: '0.1.0' }, paperlens: { ok: true, version: '0.0.9' } });

    const result = await findServer(serverCandidates(inputs), probe);

    assert.strictEqual(result.server && line(result.server), bundledDll);
    assert.strictEqual(result.server?.version, '0.1.0');
    assert.deepStrictEqual(probe.asked, [bundledLauncher, bundledDll]);
    assert.deepStrictEqual(result.failures.map(f => line(f.candidate)), [bundledLauncher]);
  });

  it('falls back from a broken setting and says so', async () => {
    const probe = fakeProbe({
      '/bad/paperlens': { ok: false, reason: 'exit status 1: boom', missingRuntime: false },
      paperlens: { ok: true, version: '0.1.0' },
    });

    const result = await findServer(serverCandidates({ ...inputs, settingPath: '/bad/paperlens' }), probe);

    assert.strictEqual(result.server?.source, 'path');
    assert.strictEqual(settingFailureMessage(result), 'paperlens.server.path did not run (exit status 1: boom); using `paperlens` on PATH instead.');
  });

  it('reports every candidate when none works, and asks for .NET when the bundled server lacks its runtime', async () => {
    const probe = fakeProbe({
      [bundledLauncher]: { ok: false, reason: 'exit status 150: You must install .NET to run this application.', missingRuntime: true },
      [bundledDll]: { ok: false, reason: 'not found', missingRuntime: true },
    });

    const result = await findServer(serverCandidates(inputs), probe);
    const message = noServerMessage(result.failures);

    assert.strictEqual(result.server, undefined);
    assert.strictEqual(result.failures.length, 3);
    assert.match(message, /^PaperLens needs the \.NET 10 runtime/);
    assert.match(message, /set paperlens\.server\.path/);
    assert.match(message, /`paperlens` on PATH: not found/);
  });

  it('asks for a working executable, not .NET, when the runtime is there but nothing runs', () => {
    const message = noServerMessage([{ candidate: { command: 'paperlens', args: [], source: 'path' }, reason: 'not found', missingRuntime: false }]);

    assert.match(message, /^PaperLens could not start its language server: set paperlens\.server\.path/);
  });

  it('reads the version paperlens prints, with or without the commit', () => {
    assert.strictEqual(parseVersion('0.1.0+92e3809dff064dc19e7f933b21ed9bc8d0dffacd\n'), '0.1.0');
    assert.strictEqual(parseVersion('1.2.3-beta.1\n'), '1.2.3-beta.1');
    assert.strictEqual(parseVersion('Usage: paperlens [command]'), undefined);
  });

  it('tells a missing .NET runtime from a broken server', () => {
    const launcher: ServerCommand = { command: bundledLauncher, args: [], source: 'bundled' };
    const dotnet: ServerCommand = { command: 'dotnet', args: ['paperlens.dll'], source: 'bundled' };

    assert.ok(isMissingRuntime(launcher, 'You must install or update .NET to run this application.', false));
    assert.ok(isMissingRuntime(launcher, "The framework 'Microsoft.NETCore.App', version '10.0.0' (x64) was not found.", false));
    assert.ok(isMissingRuntime(dotnet, '', true));
    assert.ok(!isMissingRuntime(launcher, '', true));
    assert.ok(!isMissingRuntime(launcher, 'paperlens: unknown option', false));
  });
});
