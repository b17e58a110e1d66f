import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { markdownExtensions, scannedFileGlobs, sourceExtensions, specialFileNames } from '../documentFilters';

// The editor must send the server the files it scans: the lists here against the scanner's own.
const scanning = path.join(__dirname, '..', '..', '..', 'server', 'PaperLens.Core', 'Scanning');

function dictionaryKeys(source: string, dictionary: string): string[] {
  const body = new RegExp(`${dictionary}[^{]*\\{([\\s\\S]*?)\\n    \\};`).exec(source)?.[1];
  assert.ok(body, `${dictionary} not found`);
  return [...body.matchAll(/\["([^"]+)"\]/g)].map(m => m[1]);
}

describe('document filters', () => {
  const languages = fs.readFileSync(path.join(scanning, 'Code', 'SourceLanguages.cs'), 'utf8');

  it('cover every extension and file name the code scanner knows', () => {
    const known = dictionaryKeys(languages, 'ByExtension').map(e => e.slice(1));
    const lowerCase = sourceExtensions.map(e => e.toLowerCase());

    assert.deepStrictEqual(known.filter(e => !lowerCase.includes(e)), []);
    assert.deepStrictEqual([...new Set(lowerCase)].filter(e => !known.includes(e)), []);
    assert.deepStrictEqual(dictionaryKeys(languages, 'ByFileName'), specialFileNames);
  });

  it('cover the Markdown extensions of the document scanner', () => {
    const scanner = fs.readFileSync(path.join(scanning, 'DocumentScanner.cs'), 'utf8');
    const known = [.../MarkdownExtensions[^{]*\{([^}]*)\}/.exec(scanner)![1].matchAll(/"\.([^"]+)"/g)].map(m => m[1]);

    assert.deepStrictEqual([...new Set(markdownExtensions.map(e => e.toLowerCase()))].sort(), [...known].sort());
  });

  it('are one glob for extensions, with BibTeX and notebooks, and one for whole file names', () => {
    const [extensions, names] = scannedFileGlobs();

    assert.match(extensions, /^\*\*\/\*\.\{md,.*,bib,ipynb,py,/);
    assert.strictEqual(names, `**/{${specialFileNames.join(',')}}`);
  });
});
