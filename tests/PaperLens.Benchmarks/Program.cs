using PaperLens.Benchmarks;

const string Usage = """
    usage: dotnet run -c Release --project tests/PaperLens.Benchmarks -- MODE [options]
      check-vs-rg        paperlens check vs rg -c over a generated ~200 MB research repository
                         [--files 10000] [--megabytes 200] [--seed N] [--kind synthetic|real]
                         [--native path/to/paperlens: the native binary timed beside the JIT build]
      import-vs-sqlite3  paperlens import vs the sqlite3 shell on gen_snapshot.py output
                         [--records 100000] [--baseline-paperlens DLL: an earlier build, in the same repetitions]
      lsp                paperlens lsp over stdio: start, indexing, hover, completion, memory, edit latency,
                         beside the raw SQLite queries [--records 500000] [--catalog FILE] [--files 10000]
                         [--baseline-paperlens DLL: an earlier build, edited beside this one]
      completion-relevance  real papers hidden among gen_snapshot.py ones: recall@1/@5 and p50/p99 of
                         completion per kind of query, through paperlens lsp [--records 500000] [--catalog FILE]
                         [--baseline-paperlens DLL: an earlier build, asked each query in the same run]
      concurrent-checks  paperlens lsp: memory after many workspace checks at once, each after an edit
                         [--checks 40] [--files 3000] [--megabytes 60]
      native-vs-jit      the native paperlens vs the JIT build: --version, start to the initialize reply,
                         check of examples/research-notes and of the generated tree (wall time, peak
                         memory), .vsix sizes [--native path/to/paperlens] [--catalog FILE] [--files 10000]
                         [--megabytes 200]
      generate           only write the generated repository [--files] [--megabytes] [--seed] [--kind]
    common: [--out DIR] [--repetitions 3] [--paperlens path/to/paperlens.dll] [--baseline-only]
    """;

try
{
    if (args.Length == 0 || args[0] is "-h" or "--help")
    {
        Console.WriteLine(Usage);
        return args.Length == 0 ? 2 : 0;
    }
    var paths = RepositoryPaths.Locate();
    if (args[0] is "lsp" or "concurrent-checks")
    {
        var report = args[0] == "lsp" ? LspBenchmark.Run(paths, args[1..]) : ConcurrentChecks.Run(paths, args[1..]);
        report.Print(Console.Out);
        Console.WriteLine($"  written: {report.Save()}");
        return 0;
    }
    if (args[0] == "completion-relevance")
    {
        CompletionRelevance.Run(paths, args[1..]);
        return 0;
    }
    if (args[0] == "native-vs-jit")
    {
        var (nativeOptions, catalog) = BenchmarkOptions.ParseWithCatalog(args[1..]);
        Report(NativeVsJit.Run(paths, nativeOptions, catalog), nativeOptions);
        return 0;
    }
    var options = BenchmarkOptions.Parse(args[1..]);
    switch (args[0])
    {
        case "generate":
            var tree = options.GenerateTree(CitedPaper.LoadSeed(paths.SeedPapers));
            Console.WriteLine($"{tree.Path}: {tree.Files} files, {tree.Bytes / 1_000_000.0:F1} MB{(tree.Reused ? " (reused)" : "")}");
            return 0;
        case "check-vs-rg":
            Report(CheckVsRipgrep.Run(paths, options), options);
            return 0;
        case "import-vs-sqlite3":
            Report(ImportVsSqlite.Run(paths, options), options);
            return 0;
        default:
            Console.Error.WriteLine($"unknown mode {args[0]}\n{Usage}");
            return 2;
    }
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine($"benchmark: {e.Message}");
    return 2;
}

static void Report(BenchmarkResult result, BenchmarkOptions options)
{
    result.Print(Console.Out);
    Console.WriteLine($"  written: {result.Save(options.OutputDirectory)}");
}
