using System.Globalization;

namespace PaperLens.Benchmarks;

/// <summary>Issue 13: the native (NativeAOT) paperlens against the JIT build (<c>dotnet paperlens.dll</c>),
/// in one run and alternating, so both meet the same machine: <c>--version</c>, start to the
/// <c>initialize</c> reply, <c>check</c> of the example repository and of the generated tree (wall time
/// and peak memory), and the size of the built .vsix files. Goals: native <c>--version</c> median ≤ 50 ms,
/// <c>initialize</c> reply ≤ 100 ms, native checks faster than the JIT's.</summary>
internal static class NativeVsJit
{
    /// <summary>GNU time reads the peak resident memory from the kernel when the process ends; sampling
    /// /proc would miss a native check that is over in 30 ms.</summary>
    private const string GnuTime = "/usr/bin/time";

    private const int QuickRuns = 20;

    private sealed record Build(string Name, IReadOnlyList<string> Command);

    /// <param name="givenCatalog">The catalog every run reads (<c>--catalog FILE</c>, e.g. a 500k-paper one);
    /// by default a new one holding the seed papers.</param>
    public static BenchmarkResult Run(RepositoryPaths paths, BenchmarkOptions options, string? givenCatalog)
    {
        if (!File.Exists(GnuTime)) throw new BenchmarkException($"{GnuTime} (GNU time) measures peak memory; on Debian: apt-get install time");
        Directory.CreateDirectory(options.OutputDirectory);
        var dll = options.Paperlens ?? paths.BuildCli();
        var native = options.Native ?? paths.PublishNative(options.OutputDirectory);
        Build[] builds = [new("native", [native]), new("jit", ["dotnet", dll])];

        var catalog = givenCatalog ?? Path.Combine(options.OutputDirectory, "native-vs-jit-catalog.db");
        if (givenCatalog is not null && !File.Exists(givenCatalog)) throw new BenchmarkException($"catalog {givenCatalog} not found");
        if (!File.Exists(catalog)) Expect(RunPaperLens(builds[0], ["import", paths.SeedPapers, "--catalog", catalog], options), "paperlens import", 0);
        var example = Path.Combine(paths.Root, "examples", "research-notes");
        Console.Error.WriteLine($"generating {options.Files} files (~{options.Megabytes} MB) in {options.OutputDirectory}...");
        var tree = SyntheticRepository.Generate(
            Path.Combine(options.OutputDirectory, $"tree-{options.Files}-{options.Megabytes}mb-{options.Seed}"),
            options.Files, options.Megabytes, options.Seed, CitedPaper.LoadSeed(paths.SeedPapers));
        var facts = new Dictionary<string, object>
        {
            ["native"] = native,
            ["catalog"] = catalog,
            ["catalog_megabytes"] = Megabytes(new FileInfo(catalog).Length),
            ["native_megabytes"] = Megabytes(new FileInfo(native).Length),
            ["tree"] = tree.Path,
            ["tree_files"] = tree.Files,
            ["tree_megabytes"] = Megabytes(tree.Bytes),
            ["cores"] = Environment.ProcessorCount,
            ["load_average_before"] = LspBenchmark.LoadAverage(),
        };

        var version = Alternate(builds, QuickRuns, build => Expect(RunPaperLens(build, ["--version"], options), "paperlens --version", 0).Elapsed.TotalSeconds);
        var initialize = Alternate(builds, QuickRuns, build =>
            LspBenchmark.StartToInitializeAsync(build.Command, catalog, options.OutputDirectory).GetAwaiter().GetResult() / 1000);
        var (exampleCheck, examplePeaks) = Checks(builds, example, catalog, options);
        var (treeCheck, treePeaks) = Checks(builds, tree.Path, catalog, options);
        facts["load_average_after"] = LspBenchmark.LoadAverage();

        var timings = new List<Timing>();
        foreach (var (what, measured) in new[] { ("paperlens --version", version), ("start to initialize reply", initialize), ("check examples/research-notes", exampleCheck), ($"check {tree.Files}-file tree", treeCheck) })
        {
            foreach (var build in builds) timings.Add(new Timing($"{what} ({build.Name})", measured[build.Name]));
            facts[$"ratio native/jit: {what}"] = Ratio(measured);
        }
        foreach (var (what, peaks) in new[] { ("check examples/research-notes", examplePeaks), ($"check {tree.Files}-file tree", treePeaks) })
        {
            foreach (var build in builds) facts[$"peak MB: {what} ({build.Name})"] = Megabytes(peaks[build.Name].Max());
        }
        facts["goal: native --version median <= 50 ms"] = Goal(new Timing("", version["native"]).Median * 1000, 50);
        facts["goal: native initialize reply median <= 100 ms"] = Goal(new Timing("", initialize["native"]).Median * 1000, 100);
        foreach (var vsix in Directory.EnumerateFiles(Path.Combine(paths.Root, "vscode-extension"), "paperlens-*.vsix").Order())
            facts[$"MB: {Path.GetFileName(vsix)}"] = Megabytes(new FileInfo(vsix).Length);
        return new BenchmarkResult("native-vs-jit", timings, facts, Ratio(treeCheck), $"native / JIT wall time of check on the {tree.Files}-file tree (goal: below 1)");
    }

    /// <summary>One untimed check per build (the page cache, the catalog's first open), then
    /// <see cref="BenchmarkOptions.Repetitions"/> alternating ones, each with its peak memory.</summary>
    private static (Dictionary<string, List<double>> Seconds, Dictionary<string, List<long>> PeakBytes) Checks(
        Build[] builds, string folder, string catalog, BenchmarkOptions options)
    {
        string[] check = ["check", folder, "--offline", "--format", "json", "--catalog", catalog];
        var outputs = builds.ToDictionary(b => b.Name, b => Expect(RunPaperLens(b, check, options), "paperlens check", 0, 1).StandardOutput);
        if (outputs.Values.Distinct().Count() != 1) throw new BenchmarkException($"the native and JIT checks of {folder} disagree");
        var peaks = builds.ToDictionary(b => b.Name, _ => new List<long>());
        Console.Error.WriteLine($"check {folder}, {options.Repetitions} runs each...");
        var seconds = Alternate(builds, options.Repetitions, build =>
        {
            var memory = Path.Combine(options.OutputDirectory, "peak-kb.txt");
            var run = Expect(ProcessRunner.Run(GnuTime, ["-f", "%M", "-o", memory, .. build.Command, .. check], options.OutputDirectory), "paperlens check", 0, 1);
            // The last line: GNU time says first when the command's exit status was not 0.
            peaks[build.Name].Add(long.Parse(File.ReadAllLines(memory)[^1], CultureInfo.InvariantCulture) * 1024);
            return run.Elapsed.TotalSeconds;
        });
        return (seconds, peaks);
    }

    /// <summary>Runs <paramref name="measure"/> for each build in turn, <paramref name="runs"/> rounds,
    /// after one untimed round.</summary>
    private static Dictionary<string, List<double>> Alternate(Build[] builds, int runs, Func<Build, double> measure)
    {
        foreach (var build in builds) measure(build);
        var seconds = builds.ToDictionary(b => b.Name, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var build in builds) seconds[build.Name].Add(measure(build));
        }
        return seconds;
    }

    private static ProcessResult RunPaperLens(Build build, IEnumerable<string> arguments, BenchmarkOptions options) =>
        ProcessRunner.Run(build.Command[0], [.. build.Command.Skip(1), .. arguments], options.OutputDirectory);

    private static ProcessResult Expect(ProcessResult result, string what, params int[] okExitCodes) =>
        okExitCodes.Contains(result.ExitCode) ? result : throw new BenchmarkException($"{what} exited with {result.ExitCode}: {result.StandardError.Trim()}");

    private static double Ratio(Dictionary<string, List<double>> measured) =>
        Math.Round(new Timing("", measured["native"]).Median / new Timing("", measured["jit"]).Median, 3);

    private static double Megabytes(long bytes) => Math.Round(bytes / 1_000_000.0, 1);

    private static string Goal(double milliseconds, double limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F1} ms, {(milliseconds <= limit ? "met" : "missed")}");
}
