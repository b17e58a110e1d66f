// The platforms a platform-specific .vsix is built for: VS Code's target names (vsce --target) and the
// .NET runtime identifiers of the native binary inside.
const runtimeIdentifiers = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'darwin-x64': 'osx-x64',
  'darwin-arm64': 'osx-arm64',
  'win32-x64': 'win-x64',
};

export function runtimeIdentifier(target) {
  const rid = runtimeIdentifiers[target];
  if (!rid) {
    console.error(`unknown target ${target}: one of ${Object.keys(runtimeIdentifiers).join(', ')}`);
    process.exit(2);
  }
  return rid;
}
