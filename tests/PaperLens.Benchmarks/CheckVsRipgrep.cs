using System.Text.Json;

namespace PaperLens.Benchmarks;

/// <summary>Issue 2 "Speed": wall time of <c>paperlens check</c> against <c>rg -c</c> with a citation
/// regex over the same synthetic tree, in one run. Goal: paperlens within 2x of ripgrep.</summary>
internal static class CheckVsRipgrep
{
    /// <summary>The citation forms of spec §2.1-2.3 as one case-insensitive regex: prefixed ids, the URL
    /// hosts, the arXiv DOI, and BibTeX eprint fields. ripgrep only counts matching lines; paperlens
    /// also parses Markdown, comments and BibTeX, validates ids and checks them against the catalog.</summary>
    public const string CitationRegex =
        @"(arxiv[: ]\s?|arxiv\.org/(abs|pdf|html)/|ar5iv(\.labs\.arxiv)?\.org/(abs|html)/|huggingface\.co/papers/|alphaxiv\.org/abs/|10\.48550/arxiv\.)([a-z-]+(\.[a-z]{2})?/\d{7}|\d{4}\.\d{4,5})|eprint\s*=";

    public static BenchmarkResult Run(RepositoryPaths paths, BenchmarkOptions options)
    {
        if (!ProcessRunner.IsAvailable("rg", "--version"))
            throw new BenchmarkException("ripgrep (rg) is not installed; on Debian/Ubuntu: sudo apt-get install ripgrep");

        var seedPapers = CitedPaper.LoadSeed(paths.SeedPapers);
        Console.Error.WriteLine($"generating {options.Files} {options.Kind} files (~{options.Megabytes} MB) in {options.OutputDirectory}...");
        var tree = options.GenerateTree(seedPapers);
        Console.Error.WriteLine($"tree: {tree.Path} ({tree.Bytes / 1_000_000.0:F1} MB{(tree.Reused ? ", reused" : "")})");

        // --no-require-git: the generated tree is no git repository, and ripgrep should honour its
        // .gitignore just as paperlens does.
        string[] rgArguments = ["-c", "-i", "--no-require-git", "-e", CitationRegex, tree.Path];
        var dll = options.BaselineOnly ? null : options.Paperlens ?? paths.BuildCli();
        var catalog = Path.Combine(options.OutputDirectory, "check-catalog.db");
        string[] checkArguments = dll is null ? [] : [dll, "check", tree.Path, "--offline", "--format", "json", "--catalog", catalog];
        // What users run: the NativeAOT binary, timed in the same repetitions as the JIT build and rg.
        var native = dll is null ? null : options.Native;

        // A catalog named by --catalog must exist; importing the seed papers makes one.
        if (dll is not null && !File.Exists(catalog))
            Expect(ProcessRunner.Run("dotnet", [dll, "import", paths.SeedPapers, "--catalog", catalog], options.OutputDirectory), "paperlens import", 0);
        // One untimed run each fills the page cache.
        var rgOutput = Expect(ProcessRunner.Run("rg", rgArguments, options.OutputDirectory), "rg", 0, 1);
        var checkOutput = dll is null ? null : Expect(ProcessRunner.Run("dotnet", checkArguments, options.OutputDirectory), "paperlens check", 0, 1);
        if (native is not null && Expect(ProcessRunner.Run(native, checkArguments[1..], options.OutputDirectory), "native paperlens check", 0, 1).StandardOutput != checkOutput!.StandardOutput)
            throw new BenchmarkException("the native and JIT checks of the tree disagree");

        var rgTimes = new List<double>();
        var checkTimes = new List<double>();
        var nativeTimes = new List<double>();
        for (var i = 0; i < options.Repetitions; i++)
        {
            Console.Error.WriteLine($"repetition {i + 1}/{options.Repetitions}");
            rgTimes.Add(ExpectTimed(ProcessRunner.Run("rg", rgArguments, options.OutputDirectory), "rg", 0, 1));
            if (dll is not null)
                checkTimes.Add(ExpectTimed(ProcessRunner.Run("dotnet", checkArguments, options.OutputDirectory), "paperlens check", 0, 1));
            if (native is not null)
                nativeTimes.Add(ExpectTimed(ProcessRunner.Run(native, checkArguments[1..], options.OutputDirectory), "native paperlens check", 0, 1));
        }

        var rg = new Timing("rg -c -i (citation regex)", rgTimes);
        var facts = new Dictionary<string, object>
        {
            ["tree"] = tree.Path,
            ["tree_kind"] = options.Kind,
            ["load_average"] = File.ReadAllText("/proc/loadavg").Split(' ')[0],
            ["files_generated"] = tree.Files,
            ["tree_megabytes"] = Math.Round(tree.Bytes / 1_000_000.0, 1),
            ["rg_version"] = ProcessRunner.Run("rg", ["--version"], options.OutputDirectory).StandardOutput.Split('\n')[0],
            ["rg_matching_files"] = CountLines(rgOutput.StandardOutput),
            ["rg_matching_lines"] = SumCounts(rgOutput.StandardOutput),
            ["cores"] = Environment.ProcessorCount,
        };
        var timings = new List<Timing> { rg };
        double? ratio = null;
        if (checkOutput is not null)
        {
            var check = new Timing("paperlens check --offline --format json", checkTimes);
            timings.Add(check);
            ratio = check.Median / rg.Median;
            if (native is not null)
            {
                var nativeCheck = new Timing("native paperlens check --offline --format json", nativeTimes);
                timings.Add(nativeCheck);
                facts["ratio native paperlens / rg"] = Math.Round(nativeCheck.Median / rg.Median, 2);
            }
            foreach (var (key, value) in CheckSummary(checkOutput.StandardOutput)) facts[key] = value;
        }
        return new BenchmarkResult(options.Kind == "real" ? "check-vs-rg-real" : "check-vs-rg", timings, facts, ratio, "paperlens / rg wall time (goal: at most 2.0)");
    }

    private static ProcessResult Expect(ProcessResult result, string what, params int[] okExitCodes)
    {
        if (!okExitCodes.Contains(result.ExitCode))
            throw new BenchmarkException($"{what} exited with {result.ExitCode}: {result.StandardError.Trim()}");
        return result;
    }

    private static double ExpectTimed(ProcessResult result, string what, params int[] okExitCodes) =>
        Expect(result, what, okExitCodes).Elapsed.TotalSeconds;

    private static int CountLines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>rg -c prints <c>path:count</c> per file.</summary>
    private static long SumCounts(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Sum(line => long.TryParse(line.AsSpan(line.LastIndexOf(':') + 1), out var n) ? n : 0);

    private static IEnumerable<(string, object)> CheckSummary(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        foreach (var name in new[] { "files", "citations", "skipped" })
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
                yield return ($"paperlens_{name}", value.GetInt64());
        }
        if (root.TryGetProperty("diagnostics", out var diagnostics) && diagnostics.ValueKind == JsonValueKind.Array)
        {
            yield return ("paperlens_diagnostics", diagnostics.GetArrayLength());
            foreach (var group in diagnostics.EnumerateArray()
                         .Select(d => d.TryGetProperty("code", out var code) ? code.GetString() ?? "?" : "?")
                         .GroupBy(code => code).OrderBy(g => g.Key, StringComparer.Ordinal))
                yield return ($"paperlens_{group.Key}", group.Count());
        }
    }
}
