namespace PaperLens.Core.Scanning.Code;

/// <summary>Known languages, by file extension and by name (Markdown info strings, notebook metadata).</summary>
public static class SourceLanguages
{
    public static readonly SourceLanguage Python = new("Python") { Syntax = CommentSyntax.Python };
    public static readonly SourceLanguage R = new("R") { Syntax = CommentSyntax.R };
    public static readonly SourceLanguage Julia = new("Julia") { Syntax = CommentSyntax.Julia };
    public static readonly SourceLanguage Shell = new("Shell") { Syntax = CommentSyntax.Shell };
    public static readonly SourceLanguage Yaml = new("YAML") { Syntax = CommentSyntax.Yaml };
    public static readonly SourceLanguage Toml = new("TOML") { Syntax = CommentSyntax.Toml };
    public static readonly SourceLanguage Ruby = new("Ruby") { Syntax = CommentSyntax.Ruby };
    public static readonly SourceLanguage Perl = new("Perl") { Syntax = CommentSyntax.Perl };
    public static readonly SourceLanguage Makefile = new("Makefile") { Syntax = CommentSyntax.Makefile };
    public static readonly SourceLanguage Dockerfile = new("Dockerfile") { Syntax = CommentSyntax.Hash };
    public static readonly SourceLanguage CMake = new("CMake") { Syntax = CommentSyntax.Hash };
    public static readonly SourceLanguage Elixir = new("Elixir") { Syntax = CommentSyntax.Hash };
    public static readonly SourceLanguage C = new("C") { Syntax = CommentSyntax.C };
    public static readonly SourceLanguage Cpp = new("C++") { Syntax = CommentSyntax.C };
    public static readonly SourceLanguage Cuda = new("CUDA") { Syntax = CommentSyntax.C };
    public static readonly SourceLanguage CSharp = new("C#") { Syntax = CommentSyntax.CSharp };
    public static readonly SourceLanguage Java = new("Java") { Syntax = CommentSyntax.Java };
    public static readonly SourceLanguage JavaScript = new("JavaScript") { Syntax = CommentSyntax.JavaScript };
    public static readonly SourceLanguage TypeScript = new("TypeScript") { Syntax = CommentSyntax.JavaScript };
    public static readonly SourceLanguage Go = new("Go") { Syntax = CommentSyntax.Go };
    public static readonly SourceLanguage Rust = new("Rust") { Syntax = CommentSyntax.Rust };
    public static readonly SourceLanguage Swift = new("Swift") { Syntax = CommentSyntax.Swift };
    public static readonly SourceLanguage Kotlin = new("Kotlin") { Syntax = CommentSyntax.Kotlin };
    public static readonly SourceLanguage Scala = new("Scala") { Syntax = CommentSyntax.Scala };
    public static readonly SourceLanguage Lua = new("Lua") { Syntax = CommentSyntax.Lua };
    public static readonly SourceLanguage Sql = new("SQL") { Syntax = CommentSyntax.Sql };
    public static readonly SourceLanguage Haskell = new("Haskell") { Syntax = CommentSyntax.Haskell };
    public static readonly SourceLanguage Matlab = new("MATLAB") { Syntax = CommentSyntax.Matlab };
    public static readonly SourceLanguage Latex = new("LaTeX") { Syntax = CommentSyntax.Latex };

    // Case-insensitive: `.R` and `.r` are both R, and Windows checkouts upper-case at random.
    // .json, .txt, .ipynb, .md and .bib are read by their own scanners, never here.
    private static readonly Dictionary<string, SourceLanguage> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".py"] = Python, [".pyi"] = Python, [".pyw"] = Python, [".pyx"] = Python, [".pxd"] = Python,
        [".smk"] = Python, [".bzl"] = Python, [".bazel"] = Python,
        [".r"] = R,
        [".jl"] = Julia,
        [".sh"] = Shell, [".bash"] = Shell, [".zsh"] = Shell, [".ksh"] = Shell, [".fish"] = Shell,
        [".bashrc"] = Shell, [".zshrc"] = Shell,
        [".yml"] = Yaml, [".yaml"] = Yaml,
        [".toml"] = Toml,
        [".rb"] = Ruby, [".rake"] = Ruby, [".gemspec"] = Ruby,
        [".pl"] = Perl, [".pm"] = Perl,
        [".mk"] = Makefile, [".mak"] = Makefile,
        [".dockerfile"] = Dockerfile,
        [".cmake"] = CMake,
        [".ex"] = Elixir, [".exs"] = Elixir,
        [".c"] = C, [".h"] = C, [".glsl"] = C, [".hlsl"] = C, [".metal"] = C,
        [".cc"] = Cpp, [".cpp"] = Cpp, [".cxx"] = Cpp, [".c++"] = Cpp, [".hpp"] = Cpp, [".hh"] = Cpp, [".hxx"] = Cpp,
        [".h++"] = Cpp, [".ipp"] = Cpp, [".inl"] = Cpp, [".tpp"] = Cpp, [".mm"] = Cpp,
        [".cu"] = Cuda, [".cuh"] = Cuda,
        [".cs"] = CSharp,
        [".java"] = Java,
        [".js"] = JavaScript, [".mjs"] = JavaScript, [".cjs"] = JavaScript, [".jsx"] = JavaScript,
        [".ts"] = TypeScript, [".tsx"] = TypeScript, [".mts"] = TypeScript, [".cts"] = TypeScript,
        [".go"] = Go,
        [".rs"] = Rust,
        [".swift"] = Swift,
        [".kt"] = Kotlin, [".kts"] = Kotlin,
        [".scala"] = Scala, [".sbt"] = Scala,
        [".lua"] = Lua,
        [".sql"] = Sql,
        [".hs"] = Haskell,
        [".m"] = Matlab,
        [".tex"] = Latex, [".sty"] = Latex, [".cls"] = Latex, [".ltx"] = Latex,
    };

    // Files known by their whole name, extension or not (CMakeLists.txt is code, other .txt is not).
    private static readonly Dictionary<string, SourceLanguage> ByFileName = new(StringComparer.Ordinal)
    {
        ["Makefile"] = Makefile, ["makefile"] = Makefile, ["GNUmakefile"] = Makefile,
        ["Dockerfile"] = Dockerfile, ["Containerfile"] = Dockerfile,
        ["CMakeLists.txt"] = CMake,
        ["Snakefile"] = Python, ["SConstruct"] = Python, ["SConscript"] = Python,
        ["BUILD"] = Python, ["WORKSPACE"] = Python,
        ["Rakefile"] = Ruby, ["Gemfile"] = Ruby, ["Vagrantfile"] = Ruby,
    };

    // Markdown info strings and notebook kernel language names. Console and output blocks are not code.
    private static readonly Dictionary<string, SourceLanguage> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["python"] = Python, ["py"] = Python, ["python3"] = Python, ["python2"] = Python, ["py3"] = Python,
        ["ipython"] = Python, ["ipython3"] = Python, ["cython"] = Python, ["starlark"] = Python, ["snakemake"] = Python,
        ["r"] = R,
        ["julia"] = Julia, ["jl"] = Julia,
        ["bash"] = Shell, ["sh"] = Shell, ["shell"] = Shell, ["zsh"] = Shell, ["ksh"] = Shell, ["fish"] = Shell,
        ["yaml"] = Yaml, ["yml"] = Yaml,
        ["toml"] = Toml,
        ["ruby"] = Ruby, ["rb"] = Ruby,
        ["perl"] = Perl,
        ["makefile"] = Makefile, ["make"] = Makefile,
        ["dockerfile"] = Dockerfile, ["docker"] = Dockerfile,
        ["cmake"] = CMake,
        ["elixir"] = Elixir,
        ["c"] = C, ["h"] = C, ["opencl"] = C, ["glsl"] = C, ["hlsl"] = C,
        ["cpp"] = Cpp, ["c++"] = Cpp, ["cxx"] = Cpp, ["hpp"] = Cpp, ["objective-c++"] = Cpp,
        ["cuda"] = Cuda, ["cu"] = Cuda,
        ["csharp"] = CSharp, ["cs"] = CSharp, ["c#"] = CSharp,
        ["java"] = Java,
        ["javascript"] = JavaScript, ["js"] = JavaScript, ["jsx"] = JavaScript, ["mjs"] = JavaScript, ["node"] = JavaScript,
        ["typescript"] = TypeScript, ["ts"] = TypeScript, ["tsx"] = TypeScript,
        ["go"] = Go, ["golang"] = Go,
        ["rust"] = Rust, ["rs"] = Rust,
        ["swift"] = Swift,
        ["kotlin"] = Kotlin, ["kt"] = Kotlin,
        ["scala"] = Scala,
        ["lua"] = Lua,
        ["sql"] = Sql, ["mysql"] = Sql, ["postgresql"] = Sql, ["postgres"] = Sql, ["sqlite"] = Sql, ["plpgsql"] = Sql,
        ["haskell"] = Haskell, ["hs"] = Haskell,
        ["matlab"] = Matlab, ["octave"] = Matlab,
        ["latex"] = Latex, ["tex"] = Latex,
    };

    /// <summary>Every extension a language is known by (<c>.py</c>), for what must name the files read.</summary>
    public static IEnumerable<string> Extensions => ByExtension.Keys;

    /// <summary>The first extension a language is known by (<c>.py</c> for Python), so that a document named
    /// by its language rather than a file (a notebook cell) is read like a file of that language.</summary>
    public static string? ExtensionOf(SourceLanguage language) =>
        ByExtension.FirstOrDefault(pair => pair.Value == language).Key;

    /// <summary>Every whole file name a language is known by (<c>Makefile</c>).</summary>
    public static IEnumerable<string> FileNames => ByFileName.Keys;

    /// <param name="fileName">A file name or path; extension and special names (Makefile) decide.</param>
    public static SourceLanguage? FromFileName(string fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return null;
        var name = Path.GetFileName(fileName);
        if (ByFileName.TryGetValue(name, out var language)) return language;
        var extension = Path.GetExtension(name);
        return extension.Length > 1 && ByExtension.TryGetValue(extension, out language) ? language : null;
    }

    /// <param name="name">An info string (<c>python</c>, <c>py</c>, <c>c++</c>) or notebook language name.
    /// Only its first word counts, braces and a leading dot stripped: <c>python title="x.py"</c>,
    /// <c>{python}</c> (Quarto), <c>{r setup, echo=FALSE}</c> (R Markdown), <c>{.python}</c> (pandoc).</param>
    public static SourceLanguage? FromName(string name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        var word = name.AsSpan().TrimStart().TrimStart('{').TrimStart('.');
        var stop = word.IndexOfAny(" \t\r\n,{}");
        if (stop >= 0) word = word[..stop];
        if (word.IsEmpty) return null;
        var lookup = ByName.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var language)) return language;
        // Notebook kernels name their dialect: "C++17", "c++14" (xeus-cling).
        return word.StartsWith("c++", StringComparison.OrdinalIgnoreCase) ? Cpp : null;
    }
}
