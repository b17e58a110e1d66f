'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const userSettings = require('./user-settings');

const executable = path.join(__dirname, '..', 'node_modules', '.bin', 'code-server');
const startTimeoutMs = 60_000;

/**
 * One code-server on 127.0.0.1 (a free port chosen by the system) with its own profile under
 * `home`: user data, extensions, configuration and caches, so the test touches nothing of the
 * machine's. `env` is added to the server's environment, which its extension host and the
 * extension's language server inherit.
 */
class CodeServer {
  constructor(home, env) {
    this.home = home;
    this.userDataDir = path.join(home, 'user-data');
    this.extensionsDir = path.join(home, 'extensions');
    this.logFile = path.join(home, 'code-server.log');
    this.env = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      ...env,
    };
    this.process = null;
    this.url = null;
    fs.mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(this.extensionsDir, { recursive: true });
    fs.writeFileSync(path.join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
    // Its own configuration file: code-server would otherwise write one into the user's home.
    this.configFile = path.join(home, 'config.yaml');
    fs.writeFileSync(this.configFile, 'auth: none\n');
  }

  /** Installs a .vsix into this profile the way a user would, and returns the extension's folder. */
  installExtension(vsix) {
    const result = spawnSync(executable, [...this.profileArgs(), '--install-extension', vsix], {
      env: this.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    if (result.status !== 0 || !/successfully installed/i.test(output)) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${output}`);
    }
    const installed = fs.readdirSync(this.extensionsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /paperlens/i.test(entry.name));
    if (installed.length !== 1) {
      throw new Error(`expected one PaperLens folder in ${this.extensionsDir} after installing, found: ${installed.map((e) => e.name).join(', ') || 'none'}`);
    }
    return path.join(this.extensionsDir, installed[0].name);
  }

  /** Starts serving VS Code and resolves with its URL once it listens. */
  async start() {
    const log = fs.openSync(this.logFile, 'a');
    this.process = spawn(executable, [
      ...this.profileArgs(),
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ], {
      env: this.env,
      // Its own process group, so that stopping it also stops the extension host and the language server.
      detached: true,
      stdio: ['ignore', 'pipe', log],
    });
    fs.closeSync(log);
    this.url = await new Promise((resolve, reject) => {
      let seen = '';
      let listening = false;
      const fail = (error) => {
        clearTimeout(timer);
        reject(new Error(`${error.message}; its output:\n${seen}\n(stderr in ${this.logFile})`));
      };
      const timer = setTimeout(() => fail(new Error(`code-server did not listen within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
      this.process.once('error', fail);
      this.process.once('exit', (code) => listening || fail(new Error(`code-server exited with ${code} before listening`)));
      this.process.stdout.on('data', (chunk) => {
        fs.appendFileSync(this.logFile, chunk);
        if (listening) return;
        seen += chunk;
        const address = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
        if (address) {
          listening = true;
          clearTimeout(timer);
          resolve(address[1]);
        }
      });
    });
    return this.url;
  }

  /** The URL that opens `folder` in the workbench. */
  folderUrl(folder) {
    return `${this.url}/?folder=${encodeURIComponent(folder)}`;
  }

  /** The folder VS Code writes its logs to, output channels included (the PaperLens channel among them). */
  get logsDir() {
    return path.join(this.userDataDir, 'logs');
  }

  /** What the extension wrote to its output channel `name` (the newest window's), or '' before it wrote. */
  outputChannel(name) {
    const logs = fs.existsSync(this.logsDir) ? fs.readdirSync(this.logsDir, { recursive: true }) : [];
    const file = logs.map((relative) => path.join(this.logsDir, relative))
      .filter((file) => path.basename(file).endsWith(`-${name}.log`))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
    return file ? fs.readFileSync(file, 'utf8') : '';
  }

  async stop() {
    if (!this.process || this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    process.kill(-this.process.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-this.process.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  profileArgs() {
    return ['--config', this.configFile, '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }
}

module.exports = { CodeServer };
