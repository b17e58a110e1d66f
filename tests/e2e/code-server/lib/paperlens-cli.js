'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * The `paperlens` command line of the server bundled in the installed extension, run with the same
 * environment (catalog, offline) as the editor's: what the test expects on screen is what this
 * command reports, never a copy of it written into the test.
 */
class PaperLensCli {
  constructor(extensionDir, env) {
    // What the extension starts: the native binary of a platform .vsix, else the universal .vsix's
    // framework-dependent server in its portable form (the launcher may have lost its executable bit).
    const native = path.join(extensionDir, 'server', 'paperlens');
    const dll = path.join(extensionDir, 'server', 'paperlens.dll');
    if (fs.existsSync(dll)) this.command = ['dotnet', dll];
    else if (fs.existsSync(native)) this.command = [native];
    else throw new Error(`the installed extension carries no server in ${path.dirname(native)}`);
    this.env = env;
  }

  /** `paperlens check FOLDER --format json`: the counts of files and citations, and the diagnostics. */
  check(folder) {
    // Exit status 1 means "errors found", which the example repository has on purpose.
    return this.json(['check', folder, '--format', 'json', '--offline'], [0, 1]);
  }

  /** `paperlens citations FOLDER --format json`: every citation with its place and canonical id. */
  citations(folder) {
    return this.json(['citations', folder, '--format', 'json'], [0]).citations;
  }

  /** The catalog's record of one paper, or null when the catalog does not know it. */
  lookup(id) {
    // Exit status 1 with nothing on stdout: the catalog does not know the id.
    const found = this.json(['lookup', id, '--format', 'json', '--offline'], [0, 1]);
    return found?.papers.find((paper) => paper.id === id) ?? null;
  }

  /** The command's JSON output; null for an accepted exit status that printed nothing. */
  json(args, acceptedStatuses) {
    const result = spawnSync(this.command[0], [...this.command.slice(1), ...args], { env: this.env, encoding: 'utf8', timeout: 120_000 });
    if (acceptedStatuses.includes(result.status) && result.stdout.trim() === '') return null;
    if (!acceptedStatuses.includes(result.status)) {
      throw new Error(`paperlens ${args.join(' ')} exited with ${result.status}: ${result.stderr || result.error?.message}`);
    }
    try {
      return JSON.parse(result.stdout);
    } catch (error) {
      throw new Error(`paperlens ${args.join(' ')} printed no JSON: ${result.stdout.slice(0, 500)}${result.stderr}`, { cause: error });
    }
  }
}

module.exports = { PaperLensCli };
