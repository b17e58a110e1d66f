'use strict';

// PaperLens in a real VS Code (code-server), with the extension installed from its .vsix and a copy
// of the example repository open, driven through the UI as a person would. What each step expects
// on screen comes from the bundled `paperlens` command line run on the same copy with the same
// catalog, never from strings written here.

const { describe, before, after, test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { CodeServer } = require('../lib/code-server');
const { pathWithout } = require('../lib/path-without');
const { PaperLensCli } = require('../lib/paperlens-cli');
const { Workbench } = require('../lib/workbench');

const repositoryRoot = path.resolve(__dirname, '..', '..', '..', '..');
const artifactsDir = path.join(__dirname, '..', 'artifacts');
const chromiumPath = process.env.PAPERLENS_E2E_CHROMIUM ?? '/usr/bin/chromium';

describe('PaperLens in VS Code (code-server 4.100.3)', { timeout: 15 * 60_000 }, () => {
  let home;
  let workspace;
  let server;
  let extensionDir;
  let cli;
  let browser;
  let workbench;
  let cited;
  let failed = false;

  before(async () => {
    fs.mkdirSync(artifactsDir, { recursive: true });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlens-e2e-'));
    try {
      workspace = path.join(home, 'research-notes');
      fs.cpSync(path.join(repositoryRoot, 'examples', 'research-notes'), workspace, { recursive: true });
      // The default catalog under this XDG_CACHE_HOME, which the first CLI run below creates and seeds (an
      // explicit PAPERLENS_CATALOG must already exist); code-server gives its own processes the same one.
      // No dotnet to be found: the platform .vsix's native server is all a user without .NET has.
      const env = {
        PAPERLENS_CATALOG: '', XDG_CACHE_HOME: path.join(home, 'cache'), PAPERLENS_OFFLINE: '1',
        PATH: pathWithout('dotnet', process.env.PATH, home), DOTNET_ROOT: undefined,
      };

      server = new CodeServer(home, env);
      extensionDir = server.installExtension(findVsix());
      cli = new PaperLensCli(extensionDir, { ...process.env, ...env });
      cited = citationToHover(cli, workspace);

      await server.start();
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-default-apps', '--disable-sync', '--no-first-run'],
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      workbench = new Workbench(page);
      await workbench.open(server.folderUrl(workspace));
    } catch (error) {
      failed = true;
      throw new Error(`setting up failed: ${error.message}\n(workspace, profile and logs kept in ${home})`, { cause: error });
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    // A failed run leaves its workspace, profile and logs for reading.
    if (home && !failed) fs.rmSync(home, { recursive: true, force: true });
  });

  test('hovering a citation shows the paper\'s title and authors', async (t) => {
    await step(t, '01-hover', async () => {
      await workbench.openFile(cited.citation.path);
      // The extension starts with the Markdown file; once the server has read the workspace, its status
      // bar item counts the citations the check counts.
      const { citations } = cli.check(workspace);
      await workbench.statusBarItem(new RegExp(`^PaperLens\\b.*\\b${citations} citations\\b`), 60_000);
      const { citation, paper } = cited;
      const middle = citation.column + Math.floor((citation.endColumn - citation.column) / 2);
      // The hover names the first two authors, whatever the length of the list.
      const surnames = paper.authors.slice(0, 2).map(surname);
      const hover = await workbench.hover(citation.line, middle, [literal(paper.title), ...surnames.map(literal)]);
      assert.match(hover, literal(paper.title));
      for (const name of surnames) assert.match(hover, literal(name), `the hover names ${name}`);
    });
  });

  test('completion after arXiv: of a title\'s first words lists that paper first and inserts its id', async (t) => {
    await step(t, '02-completion', async () => {
      const { citation, paper } = cited;
      await workbench.openFile(citation.path);
      // The first words of the title, as a person remembering the paper types them.
      const titleStart = oneLine(paper.title).split(' ').slice(0, 3).join(' ');
      await workbench.page.keyboard.press('Control+End');
      await workbench.page.keyboard.press('Enter');
      await workbench.page.keyboard.type(`Also see arXiv:${titleStart}`);
      await workbench.page.keyboard.press('Control+Space');
      const row = await workbench.suggestion(oneLine(paper.title));
      t.diagnostic(`screenshot: ${await workbench.screenshot(path.join(artifactsDir, '02-completion-list.png'))}`);
      assert.equal(await row.getAttribute('data-index'), '0', `"${titleStart}" lists ${paper.id} first`);
      await row.click();

      const expected = `Also see arXiv:${paper.id}`;
      const line = await workbench.waitForLine(`arXiv:${paper.id}`);
      // Once the server has sent it, the title's inlay hint follows the id on screen.
      assert.match(line, new RegExp(`^${literal(expected).source}(?:\\s|$)`));
      await workbench.save();
      const saved = fs.readFileSync(path.join(workspace, citation.path), 'utf8').trimEnd().split('\n').pop();
      assert.equal(saved, expected, 'the saved file ends with the inserted citation');
    });
  });

  test('Check Workspace Citations lists the check\'s findings in the Problems panel', async (t) => {
    await step(t, '03-problems', async () => {
      await workbench.runCommand('PaperLens: Check Workspace Citations');
      // The command ends by revealing the Problems panel and telling the check's summary; what comes next
      // waits for that, or the panel's reveal takes the focus from the next command typed.
      await workbench.notification(/PaperLens: \d+ citations/, 60_000);
      // VS Code lists errors, warnings and information in the Problems panel; hints show only in the editor.
      const findings = cli.check(workspace).diagnostics;
      const expected = findings.filter((d) => d.severity !== 'hint');
      assert.ok(expected.length > 0, `the check of the example repository reports findings: ${JSON.stringify(findings)}`);
      const listed = await workbench.problems(expected.length);

      const missing = expected.filter((d) => !listed.some((p) => isListing(p, d, workspace)));
      const unexpected = listed.filter((p) => !expected.some((d) => isListing(p, d, workspace)));
      assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] },
        `the Problems panel lists:\n${listed.map((p) => `${p.file}: ${p.text}`).join('\n')}`);
    });
  });

  test('Open Abstract on a citation opens the paper\'s abstract', async (t) => {
    await step(t, '04-abstract', async () => {
      const { citation, paper } = cited;
      await workbench.closePanel();
      await workbench.openFile(citation.path);
      await workbench.goTo(citation.line, citation.column + 1);
      await workbench.runCommand('PaperLens: Open Abstract');
      // The abstract opens rendered, in the Markdown preview beside the editor.
      await workbench.waitForRenderedBlock(oneLine(paper.title));
      await workbench.waitForRenderedBlock(oneLine(paper.abstract));
    });
  });

  test('the server the extension runs is its bundled native binary, with no dotnet on the PATH', async (t) => {
    await step(t, '05-native-server', async () => {
      const dotnet = spawnSync('sh', ['-c', 'command -v dotnet'], { env: server.env, encoding: 'utf8' });
      assert.notEqual(dotnet.status, 0, `dotnet is on the PATH of code-server's processes: ${dotnet.stdout}`);
      // A framework-dependent server has its launcher at the same path, and finds .NET without the PATH.
      const serverDir = path.join(extensionDir, 'server');
      assert.deepEqual(fs.readdirSync(serverDir).filter((name) => name.endsWith('.dll')), [], 'no .NET assemblies beside the server');
      const started = new RegExp(`starting ${literal(path.join(serverDir, 'paperlens')).source} \\(paperlens \\d`);
      assert.match(server.outputChannel('PaperLens'), started);
    });
  });

  test('hovering a citation in a notebook\'s Markdown cell and in a code cell\'s comment shows the paper', async (t) => {
    await step(t, '06-notebook', async () => {
      const notebook = 'notebooks/forecasting.ipynb';
      // The check reads the notebook's cells; the first citation of its first (Markdown) cell and the
      // first one in a comment of a code cell are hovered in the notebook editor, where each cell is an
      // editor of its own.
      const { cells } = JSON.parse(fs.readFileSync(path.join(workspace, notebook), 'utf8'));
      const citations = cli.citations(workspace).filter((c) => c.path === notebook && c.form === 'prefix' && c.id);
      const inMarkdown = citations.find((c) => cells[c.cell - 1].cell_type === 'markdown');
      const inCode = citations.find((c) => cells[c.cell - 1].cell_type === 'code');
      assert.ok(inMarkdown && inCode, `the example notebook cites arXiv:ID in a Markdown cell and in a code cell: ${JSON.stringify(citations)}`);

      await workbench.closePanel();
      await workbench.openFile(notebook);
      for (const [citation, edit] of [[inCode, false], [inMarkdown, true]]) {
        const paper = cli.lookup(citation.id);
        const cell = await workbench.notebookCell(`arXiv:${citation.id}`, { edit });
        const hover = await workbench.hoverOverText(cell, citation.id, [literal(paper.title)]);
        assert.match(hover, literal(paper.title));
        assert.match(hover, literal(surname(paper.authors[0])), `the hover over ${citation.id} names its first author`);
      }
    });
  });

  /** Runs one step; saves its screenshot, or on failure a screenshot and what the screen showed. */
  async function step(t, name, body) {
    try {
      await body();
    } catch (error) {
      failed = true;
      const shot = await workbench.screenshot(path.join(artifactsDir, `${name}-FAILED.png`)).catch((e) => `none (${e.message})`);
      const screen = await workbench.describeScreen().catch((e) => `unreadable (${e.message})`);
      throw new Error(`step ${name} failed: ${error.message}\nscreenshot: ${shot}\n${screen}\n`
        + `code-server log: ${server.logFile}; VS Code logs (the PaperLens output channel among them): ${server.logsDir}`, { cause: error });
    }
    t.diagnostic(`screenshot: ${await workbench.screenshot(path.join(artifactsDir, `${name}.png`))}`);
  }
});

/** The .vsix to install: $PAPERLENS_VSIX, else the newest one `npm run package` left in vscode-extension/. */
function findVsix() {
  if (process.env.PAPERLENS_VSIX) return path.resolve(process.env.PAPERLENS_VSIX);
  const folder = path.join(repositoryRoot, 'vscode-extension');
  const built = fs.existsSync(folder)
    ? fs.readdirSync(folder).filter((name) => /^paperlens-.*\.vsix$/.test(name)).map((name) => path.join(folder, name))
    : [];
  if (built.length === 0) throw new Error('no .vsix to install: build it with `cd vscode-extension && npm ci && npm run package`, or set PAPERLENS_VSIX');
  return built.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

/**
 * The citation the steps use: the first one in a Markdown file, written as an id or a URL, that the
 * check finds nothing wrong with and whose paper the catalog knows with plain text (no TeX markup,
 * so the text on screen is the catalog's text).
 */
function citationToHover(cli, workspace) {
  const findings = cli.check(workspace).diagnostics;
  for (const citation of cli.citations(workspace)) {
    if (!citation.path.endsWith('.md') || !['url', 'prefix'].includes(citation.form) || !citation.id) continue;
    if (findings.some((d) => d.path === citation.path && d.line === citation.line)) continue;
    const paper = cli.lookup(citation.id);
    if (paper && paper.authors.length > 0 && paper.abstract && ![paper.title, paper.abstract, ...paper.authors].some((s) => /[\\{}$]/.test(s))) {
      return { citation, paper };
    }
  }
  throw new Error('the example repository has no plain Markdown citation of a catalogued paper to hover');
}

/** Whether a row of the Problems panel shows diagnostic `d` of the check's JSON. */
function isListing(problem, d, workspace) {
  return problem.file === path.join(workspace, d.path)
    && problem.text.includes(d.message)
    && problem.text.includes(d.code)
    && problem.text.includes(`[Ln ${d.line}, Col ${d.column}]`);
}

function surname(name) {
  return name.trim().split(/\s+/).pop();
}

function oneLine(text) {
  return text.trim().split(/\s+/).join(' ');
}

function literal(text) {
  return new RegExp(oneLine(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
