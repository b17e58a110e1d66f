// The files the server reads, as VS Code globs: DocumentScanner (Markdown, BibTeX, notebooks) and
// SourceLanguages (code comments) in server/PaperLens.Core/Scanning. The server decides by file name,
// not by VS Code's language id, so the editor sends it the same files.

export const markdownExtensions = ['md', 'markdown', 'mdx', 'qmd', 'rmd', 'Rmd'];

export const sourceExtensions = [
  'py', 'pyi', 'pyw', 'pyx', 'pxd', 'smk', 'bzl', 'bazel',
  'r', 'R', 'jl',
  'sh', 'bash', 'zsh', 'ksh', 'fish', 'bashrc', 'zshrc',
  'yml', 'yaml', 'toml',
  'rb', 'rake', 'gemspec', 'pl', 'pm',
  'mk', 'mak', 'dockerfile', 'cmake', 'ex', 'exs',
  'c', 'h', 'glsl', 'hlsl', 'metal',
  'cc', 'cpp', 'cxx', 'c++', 'hpp', 'hh', 'hxx', 'h++', 'ipp', 'inl', 'tpp', 'mm',
  'cu', 'cuh', 'cs', 'java',
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'mts', 'cts',
  'go', 'rs', 'swift', 'kt', 'kts', 'scala', 'sbt', 'lua', 'sql', 'hs', 'm',
  'tex', 'sty', 'cls', 'ltx',
];

export const specialFileNames = [
  'Makefile', 'makefile', 'GNUmakefile', 'Dockerfile', 'Containerfile', 'CMakeLists.txt',
  'Snakefile', 'SConstruct', 'SConscript', 'BUILD', 'WORKSPACE', 'Rakefile', 'Gemfile', 'Vagrantfile',
];

/** Globs of every file the server scans. */
export function scannedFileGlobs(): string[] {
  const extensions = [...markdownExtensions, 'bib', 'ipynb', ...sourceExtensions];
  return [`**/*.{${extensions.join(',')}}`, `**/{${specialFileNames.join(',')}}`];
}
