using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperLens.Benchmarks;

/// <summary>Issue 17: does completion find the paper a researcher is typing? The real records of
/// ../shared/seed and ../shared/data/snapshot are hidden among gen_snapshot.py records (whose titles
/// reuse real title words) in one catalog; through the real <c>paperlens lsp</c>, each real paper is
/// looked for by what a researcher types after <c>arXiv:</c> — the first 1/2/3/4 words of its title
/// as the editor shows it, its first author's surname and first title word, the shortest prefix of
/// its id (6 characters or more) that no other id shares — and its rank in the list is recorded.
/// Figures: recall@1 and recall@5 and p50/p99 latency per kind of query.</summary>
internal static partial class CompletionRelevance
{
    private const int IdPrefixMinimum = 6;
    private const int WarmUp = 20;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private static readonly Kind[] Kinds =
    [
        new("title, first word", null, null, 20),
        new("title, first 2 words", null, 0.90, 20),
        new("title, first 3 words", 0.95, null, 20),
        new("title, first 4 words", 0.98, null, 20),
        new("first author's surname + first title word", null, 0.90, 20),
        new("id prefix (6+ characters, unique)", 1.0, null, 20),
    ];

    public static void Run(RepositoryPaths paths, IReadOnlyList<string> args)
    {
        var (options, catalog) = BenchmarkOptions.ParseWithCatalog(args);
        RunAsync(paths, options, catalog).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(RepositoryPaths paths, BenchmarkOptions options, string? givenCatalog)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var dll = options.Paperlens ?? paths.BuildCli();
        var realFiles = RealFiles(paths);
        var realIds = RealIds(realFiles);
        var catalog = givenCatalog ?? Path.Combine(options.OutputDirectory, $"relevance-catalog-{options.Records}.db");
        var facts = new Dictionary<string, object>
        {
            ["synthetic_records"] = options.Records,
            ["real_records"] = realIds.Count,
            ["cores"] = Environment.ProcessorCount,
            ["load_average_before"] = LoadAverage(),
        };
        if (!File.Exists(catalog)) facts["import_seconds"] = Math.Round(Import(paths, options, dll, catalog, realFiles, realIds), 1);
        facts["catalog_megabytes"] = Math.Round(new FileInfo(catalog).Length / 1_000_000.0, 1);

        var workspace = Path.Combine(options.OutputDirectory, "relevance-workspace");
        Directory.CreateDirectory(workspace);
        await using var client = LspStdioClient.Start(dll, catalog, options.OutputDirectory);
        await client.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = new Uri(workspace).AbsoluteUri,
            capabilities = new { general = new { positionEncodings = new[] { "utf-16" } } },
        }, RequestTimeout);
        await client.NotifyAsync("initialized", new { });

        Console.Error.WriteLine($"reading how the editor shows {realIds.Count} real papers...");
        var shown = await ShownAsync(client, workspace, realIds);
        facts["real_records_shown"] = shown.Count;

        using var raw = new RawSqlite(catalog);
        var queries = new List<(int Kind, string Id, string Text)>();
        foreach (var (id, (label, detail)) in shown)
        {
            var words = Word().Matches(label).Select(m => m.Value).ToList();
            for (var count = 1; count <= 4; count++)
                if (words.Count >= count) queries.Add((count - 1, id, string.Join(' ', words.Take(count))));
            if (Surname(detail) is { } surname && words.Count > 0) queries.Add((4, id, surname + " " + words[0]));
        }
        // An old-style id is an id from its slash on ("hep-th/"); before, its archive reads as a word.
        var idQueries = shown.Keys
            .Select(id => (Kind: 5, Id: id, Text: raw.UniqueIdPrefix(id, Math.Max(IdPrefixMinimum, id.IndexOf('/') + 2))))
            .ToList();

        Console.Error.WriteLine($"{queries.Count} title and surname queries, {idQueries.Count} id prefixes...");
        var outcomes = await RanksAsync(client, workspace, "relevance-titles.md", queries);
        outcomes.AddRange(await RanksAsync(client, workspace, "relevance-ids.md", idQueries));
        facts["load_average_after"] = LoadAverage();
        Report(outcomes, facts, options.OutputDirectory);
    }

    private sealed record Kind(string Name, double? GoalAt1, double? GoalAt5, double GoalP99);

    private sealed record Outcome(int Kind, string Id, string Query, int Rank, double Milliseconds);

    private static List<string> RealFiles(RepositoryPaths paths)
    {
        var files = new[] { Path.Combine(paths.Shared, "seed"), Path.Combine(paths.Shared, "data", "snapshot") }
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.jsonl"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new BenchmarkException($"no real records under {paths.Shared}/seed or {paths.Shared}/data/snapshot");
    }

    private static HashSet<string> RealIds(IEnumerable<string> files) =>
        files.SelectMany(File.ReadLines).Where(l => l.Length > 0).Select(IdOf).ToHashSet(StringComparer.Ordinal);

    private static string IdOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Imports the synthetic records without those whose ids the real records hold (gen_snapshot.py
    /// numbers papers month by month, so most real ids also name a synthetic paper; of two records of one
    /// paper the catalog keeps the newer, which would hide half the real papers), then the real files.
    /// Returns the seconds the imports took.</summary>
    private static double Import(RepositoryPaths paths, BenchmarkOptions options, string dll, string catalog, List<string> realFiles, HashSet<string> realIds)
    {
        var synthetic = Path.Combine(options.OutputDirectory, $"snapshot-{options.Records}.jsonl");
        if (!File.Exists(synthetic)) Generate(paths, options.Records, synthetic);
        var withoutReal = Path.Combine(options.OutputDirectory, $"snapshot-{options.Records}-without-real.jsonl");
        if (!File.Exists(withoutReal))
        {
            Console.Error.WriteLine($"writing {withoutReal}...");
            var partialCopy = withoutReal + ".partial";
            using (var output = new StreamWriter(partialCopy, append: false, new UTF8Encoding(false)))
                foreach (var line in File.ReadLines(synthetic))
                    if (!realIds.Contains(IdOf(line))) output.WriteLine(line);
            File.Move(partialCopy, withoutReal, overwrite: true);
        }
        var partial = catalog + ".partial";
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(partial + suffix);
        var seconds = 0.0;
        foreach (var input in realFiles.Prepend(withoutReal))
        {
            Console.Error.WriteLine($"importing {input}...");
            var import = ProcessRunner.Run("dotnet", [dll, "import", input, "--catalog", partial], options.OutputDirectory);
            if (import.ExitCode != 0) throw new BenchmarkException($"paperlens import exited with {import.ExitCode}: {import.StandardError.Trim()}");
            seconds += import.Elapsed.TotalSeconds;
        }
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(partial + suffix);
        File.Move(partial, catalog);
        return seconds;
    }

    private static void Generate(RepositoryPaths paths, int records, string target)
    {
        var generator = Path.Combine(paths.Shared, "tools", "gen_snapshot.py");
        if (!File.Exists(generator)) throw new BenchmarkException($"{generator} not found (the shared folder sits beside the repository)");
        Console.Error.WriteLine($"generating {records} snapshot records...");
        var partial = target + ".partial";
        var result = ProcessRunner.Run("python3", [generator, records.ToString(CultureInfo.InvariantCulture)], paths.Root, standardOutputFile: partial);
        if (result.ExitCode != 0) throw new BenchmarkException($"gen_snapshot.py failed: {result.StandardError.Trim()}");
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>Each real paper's title and detail as the completion list shows them (asked for by id).</summary>
    private static async Task<Dictionary<string, (string Label, string Detail)>> ShownAsync(LspStdioClient client, string workspace, HashSet<string> ids)
    {
        var ordered = ids.Order(StringComparer.Ordinal).ToList();
        var shown = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        await WithDocumentAsync(client, workspace, "relevance-labels.md", ordered, async (line, id) =>
        {
            foreach (var item in await CompleteAsync(client, workspace, "relevance-labels.md", id))
                if (InsertedId(item) == id) shown[id] = (item.GetProperty("label").GetString()!, item.GetProperty("detail").GetString() ?? "");
        });
        return shown;
    }

    private static async Task<List<Outcome>> RanksAsync(LspStdioClient client, string workspace, string name, List<(int Kind, string Id, string Text)> queries)
    {
        var outcomes = new List<Outcome>(queries.Count);
        await WithDocumentAsync(client, workspace, name, queries.Select(q => q.Text).ToList(), async (line, text) =>
        {
            if (line < WarmUp) await CompleteAsync(client, workspace, name, text);
            var clock = Stopwatch.StartNew();
            var items = await CompleteAsync(client, workspace, name, text);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var rank = items.FindIndex(item => InsertedId(item) == queries[line].Id);
            outcomes.Add(new Outcome(queries[line].Kind, queries[line].Id, text, rank, elapsed));
        });
        return outcomes;
    }

    // One document whose only line is "arXiv:QUERY", each query in turn, as a note being written: the
    // papers it cites (an id typed in full) are those of the query at hand only.
    private static async Task WithDocumentAsync(LspStdioClient client, string workspace, string name, List<string> queries, Func<int, string, Task> each)
    {
        var uri = new Uri(Path.Combine(workspace, name)).AbsoluteUri;
        await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version = 0, text = "" } });
        for (var i = 0; i < queries.Count; i++)
        {
            await client.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version = i + 1 },
                contentChanges = new[] { new { text = $"arXiv:{queries[i]}\n" } },
            });
            await each(i, queries[i]);
        }
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
    }

    private static async Task<List<JsonElement>> CompleteAsync(LspStdioClient client, string workspace, string name, string query)
    {
        var reply = await client.RequestAsync("textDocument/completion", new
        {
            textDocument = new { uri = new Uri(Path.Combine(workspace, name)).AbsoluteUri },
            position = new { line = 0, character = "arXiv:".Length + query.Length },
            context = new { triggerKind = 1 },
        }, RequestTimeout);
        var items = reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("items", out var list) ? list
            : reply.ValueKind == JsonValueKind.Array ? reply : default;
        return items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().ToList() : [];
    }

    private static string? InsertedId(JsonElement item) =>
        item.TryGetProperty("textEdit", out var edit) ? edit.GetProperty("newText").GetString()
        : item.TryGetProperty("insertText", out var insert) ? insert.GetString() : null;

    // "C. Balázs et al. · 2007" -> "Balázs": the surname a reader of the list would type.
    private static string? Surname(string detail)
    {
        var name = detail.Split(" · ")[0].Replace(" et al.", "", StringComparison.Ordinal);
        var words = Word().Matches(name).Select(m => m.Value).Where(w => w.Length > 1).ToList();
        return words.Count > 0 ? words[^1] : null;
    }

    private static void Report(List<Outcome> outcomes, Dictionary<string, object> facts, string directory)
    {
        var rows = new List<object>();
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("completion-relevance (real papers among synthetic ones, typed after arXiv: through paperlens lsp)");
        output.WriteLine($"  {"kind",-41}  {"queries",7}  {"recall@1",8}  {"recall@5",8}  {"p50 ms",7}  {"p99 ms",7}  goal");
        for (var k = 0; k < Kinds.Length; k++)
        {
            var kind = Kinds[k];
            var of = outcomes.Where(o => o.Kind == k).ToList();
            if (of.Count == 0) continue;
            var at1 = of.Count(o => o.Rank == 0) / (double)of.Count;
            var at5 = of.Count(o => o.Rank is >= 0 and < 5) / (double)of.Count;
            var latency = new Latency(of.Select(o => o.Milliseconds).ToList());
            var goals = new List<string>();
            if (kind.GoalAt1 is { } g1) goals.Add($"recall@1 >= {g1:F2} {(at1 >= g1 ? "met" : "MISSED")}");
            if (kind.GoalAt5 is { } g5) goals.Add($"recall@5 >= {g5:F2} {(at5 >= g5 ? "met" : "MISSED")}");
            goals.Add($"p99 <= {kind.GoalP99} ms {(latency.P99 <= kind.GoalP99 ? "met" : "MISSED")}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind.Name,-41}  {of.Count,7}  {at1,8:F3}  {at5,8:F3}  {latency.P50,7:F2}  {latency.P99,7:F2}  {string.Join("; ", goals)}"));
            rows.Add(new
            {
                kind = kind.Name,
                queries = of.Count,
                recall_at_1 = Math.Round(at1, 4),
                recall_at_5 = Math.Round(at5, 4),
                p50_ms = Math.Round(latency.P50, 3),
                p99_ms = Math.Round(latency.P99, 3),
                misses = of.Where(o => o.Rank is < 0 or >= 5).Take(10).Select(o => new { o.Id, o.Query, o.Rank }),
            });
        }
        foreach (var (key, value) in facts) output.WriteLine($"  {key}: {Convert.ToString(value, CultureInfo.InvariantCulture)}");
        var path = Path.Combine(directory, "completion-relevance.json");
        var document = new { name = "completion-relevance", measured_at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), kinds = rows, facts };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        output.WriteLine($"  written: {path}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
