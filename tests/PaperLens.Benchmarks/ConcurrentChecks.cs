using System.Diagnostics;
using System.Text.Json;

namespace PaperLens.Benchmarks;

/// <summary>Issue 16 "Memory": many workspace checks at once, each after an edit (so no two see the same
/// state and none can share another's check), against the real <c>paperlens lsp</c> process over stdio,
/// with its resident memory before, right after, and after ten idle seconds. Before the checks were
/// bounded, 40 of them on a 3,000-file workspace took the server from 187 MB to 1.28 GB, still 849 MB
/// after 10 s idle. Goal: under 400 MB after the probe.</summary>
internal static class ConcurrentChecks
{
    private const double GoalMegabytes = 400;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);

    /// <summary>Reads this mode's own option (--checks, default 40) and defaults to a 3,000-file, 60 MB
    /// workspace; the rest goes to <see cref="BenchmarkOptions"/>.</summary>
    public static LspReport Run(RepositoryPaths paths, IReadOnlyList<string> args)
    {
        var checks = 40;
        List<string> rest = ["--files", "3000", "--megabytes", "60"];
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--checks" && i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n > 0) { checks = n; i++; }
            else rest.Add(args[i]);
        }
        return RunAsync(paths, BenchmarkOptions.Parse(rest), checks).GetAwaiter().GetResult();
    }

    private static async Task<LspReport> RunAsync(RepositoryPaths paths, BenchmarkOptions options, int checks)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var dll = options.Paperlens ?? paths.BuildCli();
        var catalog = SeedCatalog(paths, options, dll);
        Console.Error.WriteLine($"generating {options.Files} files (~{options.Megabytes} MB) in {options.OutputDirectory}...");
        var tree = SyntheticRepository.Generate(
            Path.Combine(options.OutputDirectory, $"tree-{options.Files}-{options.Megabytes}mb-{options.Seed}"),
            options.Files, options.Megabytes, options.Seed, CitedPaper.LoadSeed(paths.SeedPapers));
        var facts = new Dictionary<string, object>
        {
            ["workspace"] = tree.Path,
            ["workspace_files"] = tree.Files,
            ["workspace_megabytes"] = Math.Round(tree.Bytes / 1_000_000.0, 1),
            ["cores"] = Environment.ProcessorCount,
            ["load_average_before"] = LspBenchmark.LoadAverage(),
        };

        await using var client = LspStdioClient.Start(dll, catalog, options.OutputDirectory);
        var indexed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Notification += (method, parameters) =>
        {
            if (method == "window/logMessage" && parameters.TryGetProperty("message", out var message)
                && message.GetString()?.StartsWith("indexed ", StringComparison.Ordinal) == true)
                indexed.TrySetResult();
        };
        var root = new Uri(tree.Path).AbsoluteUri;
        // An editor that takes pushed diagnostics: every check's findings may be published.
        await client.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = root,
            workspaceFolders = new[] { new { uri = root, name = Path.GetFileName(tree.Path) } },
            capabilities = new { window = new { workDoneProgress = true } },
        }, RequestTimeout);
        Console.Error.WriteLine($"indexing {tree.Path}...");
        await client.NotifyAsync("initialized", new { });
        await indexed.Task.WaitAsync(RequestTimeout);
        // The first check and the publication of its findings are the steady state the probe starts from.
        await CheckAsync(client);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = LspBenchmark.Memory(client.ProcessId);

        Console.Error.WriteLine($"{checks} workspace checks at once, each after an edit...");
        var uri = new Uri(Path.Combine(tree.Path, "bench-edited.md")).AbsoluteUri;
        await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version = 1, text = "Survey: arXiv:2404.16112\n" } });
        var clock = Stopwatch.StartNew();
        var answers = new List<Task<JsonElement>>();
        for (var i = 0; i < checks; i++)
        {
            await client.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version = 2 + i },
                contentChanges = new[] { new { text = $"Survey: arXiv:2404.16112, edit {i}\n" } },
            });
            answers.Add(CheckAsync(client));
        }
        var hoverClock = Stopwatch.StartNew();
        await client.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = new { line = 0, character = 16 } }, RequestTimeout);
        var hoverMilliseconds = hoverClock.Elapsed.TotalMilliseconds;
        var summaries = await Task.WhenAll(answers);
        var checkSeconds = clock.Elapsed.TotalSeconds;
        var after = LspBenchmark.Memory(client.ProcessId);
        Console.Error.WriteLine($"{Idle.TotalSeconds:F0} s idle...");
        await Task.Delay(Idle);
        var idle = LspBenchmark.Memory(client.ProcessId);

        facts["files_checked"] = summaries[^1].GetProperty("files").GetInt32();
        facts["citations_checked"] = summaries[^1].GetProperty("citations").GetInt32();
        facts["load_average_after"] = LspBenchmark.LoadAverage();
        LspFigure Memory(string name, double megabytes, bool judged) =>
            new(name, "MB", megabytes, megabytes, 1, null, null, null, judged ? $"<= {GoalMegabytes} MB" : "", judged ? megabytes <= GoalMegabytes : null);
        List<LspFigure> figures =
        [
            Memory("memory before (VmRSS)", before.Rss, judged: false),
            Memory($"memory after {checks} checks (VmRSS)", after.Rss, judged: true),
            Memory("memory peak (VmHWM)", after.Peak, judged: false),
            Memory($"memory after {Idle.TotalSeconds:F0} s idle (VmRSS)", idle.Rss, judged: true),
            new($"{checks} checks answered", "s", checkSeconds, checkSeconds, checks, null, null, null, "", null),
            new("a hover among them", "ms", hoverMilliseconds, hoverMilliseconds, 1, null, null, null, "", null),
        ];
        return new LspReport(figures, facts, options.OutputDirectory, "concurrent-checks");
    }

    private static Task<JsonElement> CheckAsync(LspStdioClient client) =>
        client.RequestAsync("workspace/executeCommand", new { command = "paperlens.checkWorkspace", arguments = Array.Empty<object>() }, RequestTimeout);

    /// <summary>A catalog of the bundled seed papers, imported once with the built paperlens and cached in the output folder.</summary>
    private static string SeedCatalog(RepositoryPaths paths, BenchmarkOptions options, string dll)
    {
        var catalog = Path.Combine(options.OutputDirectory, "seed-catalog.db");
        if (File.Exists(catalog)) return catalog;
        var partial = catalog + ".partial";
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(partial + suffix);
        var import = ProcessRunner.Run("dotnet", [dll, "import", paths.SeedPapers, "--catalog", partial], options.OutputDirectory);
        if (import.ExitCode != 0) throw new BenchmarkException($"paperlens import exited with {import.ExitCode}: {import.StandardError.Trim()}");
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(partial + suffix);
        File.Move(partial, catalog);
        return catalog;
    }
}
