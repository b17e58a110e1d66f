// Builds the platform-specific .vsix for one VS Code target (linux-x64, darwin-arm64, win32-x64…) with
// the native server inside: `npm run package:native -- linux-x64` writes paperlens-linux-x64-VERSION.vsix.
// vsce runs vscode:prepublish (the server's publish) with no word of the target, hence PAPERLENS_TARGET.
import { spawnSync } from 'node:child_process';
import { runtimeIdentifier } from './targets.mjs';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run package:native -- TARGET (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64)');
  process.exit(2);
}
runtimeIdentifier(target);
const result = spawnSync('npm', ['run', 'package', '--', '--target', target], {
  stdio: 'inherit',
  env: { ...process.env, PAPERLENS_TARGET: target },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 2);
