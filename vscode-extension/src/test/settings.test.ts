import * as assert from 'assert';
import * as path from 'path';
import { mapSettings, MappingContext, restartSettings } from '../settings';

const workspaceFolder = path.join(path.sep, 'work', 'notes');
const trusted: MappingContext = { trusted: true, workspaceFolder, homeDirectory: path.join(path.sep, 'home', 'ada') };

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('settings mapping', () => {
  it('sends nothing the user did not set, so that .paperlens.json applies', () => {
    assert.deepStrictEqual(mapSettings(reader({}), trusted), { payload: {}, problems: [] });
  });

  it('maps every setting to the key the server reads', () => {
    const mapped = mapSettings(reader({
      catalog: '/data/catalog.db',
      offline: true,
      inlayHints: false,
      rules: { PL003: 'off', 'not-in-catalog': 'hint' },
      include: ['docs/**'],
      exclude: ['vendor/**', 'build/**'],
    }), trusted);

    assert.deepStrictEqual(mapped.payload, {
      catalog: '/data/catalog.db',
      offline: true,
      inlayHints: false,
      rules: { PL003: 'off', PL009: 'hint' },
      include: ['docs/**'],
      exclude: ['vendor/**', 'build/**'],
    });
    assert.deepStrictEqual(mapped.problems, []);
  });

  it('sends false values that were set: they override a .paperlens.json that says true', () => {
    assert.deepStrictEqual(mapSettings(reader({ offline: false, inlayHints: false }), trusted).payload, { offline: false, inlayHints: false });
  });

  it('resolves a relative catalog against the workspace folder and ~ against the home directory', () => {
    assert.strictEqual(mapSettings(reader({ catalog: '.cache/papers.db' }), trusted).payload.catalog, path.join(workspaceFolder, '.cache', 'papers.db'));
    assert.strictEqual(mapSettings(reader({ catalog: '~/papers.db' }), trusted).payload.catalog, path.join(trusted.homeDirectory, 'papers.db'));
    assert.strictEqual(mapSettings(reader({ catalog: '' }), trusted).payload.catalog, undefined);
  });

  it('forces offline in a restricted workspace, whatever the setting says', () => {
    const restricted = { ...trusted, trusted: false };

    assert.strictEqual(mapSettings(reader({}), restricted).payload.offline, true);
    assert.strictEqual(mapSettings(reader({ offline: false }), restricted).payload.offline, true);
  });

  it('accepts rule names and severity words in any case, and the short forms the server accepts', () => {
    const mapped = mapSettings(reader({ rules: { 'Title-Mismatch': 'WARN', pl012: 'info', PL001: 'none' } }), trusted);

    assert.deepStrictEqual(mapped.payload.rules, { PL003: 'warning', PL012: 'information', PL001: 'off' });
  });

  it('leaves out unknown rules, bad severities and malformed values, saying why, and keeps the rest', () => {
    const mapped = mapSettings(reader({
      rules: { PL099: 'off', PL002: 'loud', PL004: 'error' },
      offline: 'yes',
      include: 'docs/**',
      exclude: ['ok/**', 3, ''],
    }), trusted);

    assert.deepStrictEqual(mapped.payload, { rules: { PL004: 'error' }, exclude: ['ok/**'] });
    assert.deepStrictEqual(mapped.problems, [
      'paperlens.offline must be true or false, not "yes"; ignored',
      "paperlens.rules: unknown rule 'PL099' (rules are PL001-PL015 or their names); ignored",
      `paperlens.rules: 'PL002' has severity "loud"; use off, hint, information, warning or error; ignored`,
      'paperlens.include must be a list of glob patterns; ignored',
      'paperlens.exclude: entries that are not glob patterns were ignored',
    ]);
  });

  it('restarts the server only for the executable and the indexed files', () => {
    assert.deepStrictEqual([...restartSettings].sort(), ['paperlens.exclude', 'paperlens.include', 'paperlens.server.path']);
  });
});
