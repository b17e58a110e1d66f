// Publishes `paperlens` (server/PaperLens.Cli) into server/, which the .vsix carries.
//
// PAPERLENS_TARGET unset (the universal .vsix): framework-dependent and portable, it runs wherever the
// .NET 10 runtime is installed, through its native launcher on the build's platform or
// `dotnet paperlens.dll` anywhere.
// PAPERLENS_TARGET=<vsce target> (a platform .vsix, scripts/package-native.mjs): the NativeAOT binary
// for that platform, which needs no .NET at all, beside SQLite's native library.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runtimeIdentifier } from './targets.mjs';

const extension = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const output = path.join(extension, 'server');
const project = path.join(extension, '..', 'server', 'PaperLens.Cli');
const target = process.env.PAPERLENS_TARGET;

const build = target
  ? ['-r', runtimeIdentifier(target), '-p:PublishAot=true']
  // English only: the satellite resource folders of Humanizer and System.CommandLine triple the file count.
  : ['-p:SatelliteResourceLanguages=en', '-p:DebugType=none'];

// A stale file from an earlier publish must not ship.
rmSync(output, { recursive: true, force: true });
const result = spawnSync('dotnet', ['publish', project, '-c', 'Release', '-o', output, '--nologo', ...build], { stdio: 'inherit' });
if (result.error) {
  console.error(`publish-server: cannot run dotnet: ${result.error.message} (the .NET 10 SDK is needed to build the .vsix)`);
  process.exit(2);
}
process.exit(result.status ?? 2);
