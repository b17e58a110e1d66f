'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * A PATH on which `program` cannot be found, for the processes of a test: each folder of `searchPath`
 * that holds `program` (Debian's /usr/bin holds dotnet beside node and sh) is replaced by a folder of
 * links, made under `scratch`, to everything it holds but `program`.
 */
function pathWithout(program, searchPath, scratch) {
  return searchPath.split(path.delimiter).filter(Boolean).map((folder, index) => {
    if (!fs.existsSync(path.join(folder, program))) return folder;
    const copy = path.join(scratch, `path-${index}`);
    fs.mkdirSync(copy, { recursive: true });
    for (const name of fs.readdirSync(folder)) {
      if (name !== program) fs.symlinkSync(path.join(folder, name), path.join(copy, name));
    }
    return copy;
  }).join(path.delimiter);
}

module.exports = { pathWithout };
