import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { restartSettings, ruleNames } from '../settings';

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { markdownDescription?: string; description?: string; propertyNames?: { enum: string[] } }> };
  };
}

const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('package.json', () => {
  it('contributes the palette commands the end-to-end test and the README name', () => {
    const titles = manifest.contributes.commands.map(c => [c.command, `${c.category}: ${c.title}`]);

    assert.deepStrictEqual(titles, [
      ['paperlens.checkWorkspace', 'PaperLens: Check Workspace Citations'],
      ['paperlens.openAbstract', 'PaperLens: Open Abstract'],
      ['paperlens.searchPapers', 'PaperLens: Search Papers'],
      ['paperlens.copyBibtex', 'PaperLens: Copy BibTeX'],
      ['paperlens.importMetadata', 'PaperLens: Import arXiv Metadata…'],
      ['paperlens.restartServer', 'PaperLens: Restart Server'],
      ['paperlens.showOutput', 'PaperLens: Show Output'],
    ]);
  });

  it('offers Copy BibTeX in the editor context menu of files, where the server has the document', () => {
    const entry = manifest.contributes.menus['editor/context'].find(m => m.command === 'paperlens.copyBibtex');
    assert.strictEqual(entry?.when, 'resourceScheme == file');
  });

  it('describes every setting, and has one for each key the server is sent or that restarts it', () => {
    const properties = manifest.contributes.configuration.properties;
    const expected = ['catalog', 'offline', 'rules', 'inlayHints', 'include', 'exclude', 'server.path', 'trace.server'].map(k => `paperlens.${k}`);

    assert.deepStrictEqual(Object.keys(properties).sort(), [...expected].sort());
    for (const [key, property] of Object.entries(properties)) assert.ok((property.markdownDescription ?? property.description ?? '').length > 20, key);
    for (const key of restartSettings) assert.ok(key in properties, key);
  });

  it('offers exactly the rules of the spec, by code and by name', () => {
    assert.deepStrictEqual(manifest.contributes.configuration.properties['paperlens.rules'].propertyNames?.enum,
      [...ruleNames].flat());
  });

  it('activates on Markdown, BibTeX, notebooks and a workspace with a .bib or .paperlens.json, and never at startup', () => {
    for (const event of ['onLanguage:markdown', 'onLanguage:bibtex', 'onLanguage:python', 'onNotebook:jupyter-notebook',
      'workspaceContains:**/*.bib', 'workspaceContains:**/.paperlens.json']) {
      assert.ok(manifest.activationEvents.includes(event), event);
    }
    assert.ok(!manifest.activationEvents.includes('*') && !manifest.activationEvents.includes('onStartupFinished'));
  });

  it('runs in a restricted workspace with limited features and targets the VS Code of code-server 4.100', () => {
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.strictEqual(manifest.engines.vscode, '^1.100.0');
    assert.strictEqual(manifest.main, './dist/extension.js');
  });
});
