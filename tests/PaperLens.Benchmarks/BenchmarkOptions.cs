namespace PaperLens.Benchmarks;

/// <summary>Command-line options shared by the benchmark modes.</summary>
internal sealed record BenchmarkOptions
{
    public int Files { get; init; } = 10_000;

    public int Megabytes { get; init; } = 200;

    public int Seed { get; init; } = 20_240_601;

    /// <summary>The generated tree: <c>synthetic</c> (reading notes citing in nearly every file) or
    /// <c>real</c> (<see cref="RealLookingRepository"/>: code, configs and docs citing in a few percent).</summary>
    public string Kind { get; init; } = "synthetic";

    public int Records { get; init; } = 100_000;

    public int Repetitions { get; init; } = 3;

    public string OutputDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "paperlens-bench");

    /// <summary>A built paperlens.dll to use instead of building the CLI.</summary>
    public string? Paperlens { get; init; }

    /// <summary>A native paperlens binary to use instead of publishing one (native-vs-jit).</summary>
    public string? Native { get; init; }

    /// <summary>A paperlens.dll built from an earlier commit, whose server the lsp mode edits beside this one.</summary>
    public string? BaselinePaperlens { get; init; }

    /// <summary>Measure only ripgrep / the sqlite3 shell (for when the CLI is not built yet).</summary>
    public bool BaselineOnly { get; init; }

    /// <summary>The options of a mode over a big catalog (lsp, completion-relevance): <c>--catalog FILE</c>
    /// to reuse one, <c>--records</c> defaulting to 500k, the rest as <see cref="Parse"/> reads them.</summary>
    public static (BenchmarkOptions Options, string? Catalog) ParseWithCatalog(IReadOnlyList<string> args)
    {
        string? catalog = null;
        var records = 500_000;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--catalog" && i + 1 < args.Count) catalog = Path.GetFullPath(args[++i]);
            else if (args[i] == "--records" && i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n > 0) { records = n; i++; }
            else rest.Add(args[i]);
        }
        return (Parse(rest) with { Records = records }, catalog);
    }

    /// <summary>Writes (or reuses) the generated tree of <see cref="Kind"/> under <see cref="OutputDirectory"/>.</summary>
    public SyntheticRepository.Summary GenerateTree(IReadOnlyList<CitedPaper> seedPapers) => Kind == "real"
        ? RealLookingRepository.Generate(Path.Combine(OutputDirectory, $"tree-real-{Files}-{Megabytes}mb-{Seed}"), Files, Megabytes, Seed, seedPapers)
        : SyntheticRepository.Generate(Path.Combine(OutputDirectory, $"tree-{Files}-{Megabytes}mb-{Seed}"), Files, Megabytes, Seed, seedPapers);

    private static string TreeKind(string kind) =>
        kind is "synthetic" or "real" ? kind : throw new BenchmarkException($"--kind is synthetic or real, not {kind}");

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchmarkException($"{args[i]} needs a value");
            int Number()
            {
                var name = args[i];
                return int.TryParse(Value(), out var n) && n > 0 ? n : throw new BenchmarkException($"{name} needs a positive number");
            }
            options = args[i] switch
            {
                "--files" => options with { Files = Number() },
                "--megabytes" => options with { Megabytes = Number() },
                "--seed" => options with { Seed = Number() },
                "--kind" => options with { Kind = TreeKind(Value()) },
                "--records" => options with { Records = Number() },
                "--repetitions" => options with { Repetitions = Number() },
                "--out" => options with { OutputDirectory = Path.GetFullPath(Value()) },
                "--paperlens" => options with { Paperlens = Path.GetFullPath(Value()) },
                "--native" => options with { Native = Path.GetFullPath(Value()) },
                "--baseline-paperlens" => options with { BaselinePaperlens = Path.GetFullPath(Value()) },
                "--baseline-only" => options with { BaselineOnly = true },
                var other => throw new BenchmarkException($"unknown option {other}"),
            };
        }
        return options;
    }
}
