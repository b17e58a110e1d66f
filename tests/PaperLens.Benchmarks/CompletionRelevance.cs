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
/// Figures: recall@1 and recall@5, p50/p99 latency and the server's CPU time per kind of query; with
/// <c>--baseline-paperlens</c>, the same of an earlier build asked each query in the same run, and how
/// many of its lists differ.</summary>
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
            ["synthetic_records"] = givenCatalog is null ? options.Records : $"those of {givenCatalog}",
            ["real_records"] = realIds.Count,
            ["cores"] = Environment.ProcessorCount,
            ["load_average_before"] = LoadAverage(),
        };
        if (!File.Exists(catalog)) facts["import_seconds"] = Math.Round(Import(paths, options, dll, catalog, realFiles, realIds), 1);
        facts["catalog_megabytes"] = Math.Round(new FileInfo(catalog).Length / 1_000_000.0, 1);

        var workspace = Path.Combine(options.OutputDirectory, "relevance-workspace");
        Directory.CreateDirectory(workspace);
        var builds = new List<Build> { new("this build", dll) };
        if (options.BaselinePaperlens is { } baseline)
        {
            builds.Add(new("baseline", baseline));
            facts["baseline"] = baseline;
        }
        var servers = new List<Server>();
        try
        {
            foreach (var build in builds) servers.Add(await StartAsync(build, catalog, options.OutputDirectory, workspace));

            Console.Error.WriteLine($"reading how the editor shows {realIds.Count} real papers...");
            var shown = await ShownAsync(servers[0].Client, workspace, realIds);
            facts["real_records_shown"] = shown.Count;

            using var raw = new RawSqlite(catalog);
            var queries = new List<Query>();
            foreach (var (id, (label, detail)) in shown)
            {
                var words = Word().Matches(label).Select(m => m.Value).ToList();
                for (var count = 1; count <= 4; count++)
                    if (words.Count >= count) queries.Add(new(count - 1, id, string.Join(' ', words.Take(count))));
                if (Surname(detail) is { } surname && words.Count > 0) queries.Add(new(4, id, surname + " " + words[0]));
            }
            // An old-style id is an id from its slash on ("hep-th/"); before, its archive reads as a word.
            var idQueries = shown.Keys
                .Select(id => new Query(5, id, raw.UniqueIdPrefix(id, Math.Max(IdPrefixMinimum, id.IndexOf('/') + 2))))
                .ToList();

            Console.Error.WriteLine($"{queries.Count} title and surname queries, {idQueries.Count} id prefixes, {servers.Count} build(s)...");
            var outcomes = await RanksAsync(servers, workspace, "relevance-titles.md", queries);
            foreach (var (build, more) in await RanksAsync(servers, workspace, "relevance-ids.md", idQueries)) outcomes[build].AddRange(more);
            facts["load_average_after"] = LoadAverage();
            Report(outcomes, facts, options.OutputDirectory);
        }
        finally
        {
            foreach (var server in servers) await server.Client.DisposeAsync();
        }
    }

    private static async Task<Server> StartAsync(Build build, string catalog, string directory, string workspace)
    {
        var client = LspStdioClient.Start(build.Dll, catalog, directory);
        await client.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = new Uri(workspace).AbsoluteUri,
            capabilities = new { general = new { positionEncodings = new[] { "utf-16" } } },
        }, RequestTimeout);
        await client.NotifyAsync("initialized", new { });
        return new Server(build, client);
    }

    private sealed record Kind(string Name, double? GoalAt1, double? GoalAt5, double GoalP99);

    private sealed record Query(int Kind, string Id, string Text);

    /// <summary>A paperlens.dll under test: this build, or the baseline it is compared with.</summary>
    private sealed record Build(string Name, string Dll);

    private sealed record Server(Build Build, LspStdioClient Client);

    /// <param name="CpuMilliseconds">The server's CPU time for the request, all its threads: what a loaded
    /// machine's waiting for a core does not inflate, unlike <paramref name="Milliseconds"/>.</param>
    /// <param name="Listed">The ids listed, in order, to compare the builds' answers.</param>
    private sealed record Outcome(int Kind, string Id, string Query, int Rank, double Milliseconds, double CpuMilliseconds, string Listed);

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
        await WithDocumentAsync([client], workspace, "relevance-labels.md", ordered, async (line, id) =>
        {
            foreach (var item in await CompleteAsync(client, workspace, "relevance-labels.md", id))
                if (InsertedId(item) == id) shown[id] = (item.GetProperty("label").GetString()!, item.GetProperty("detail").GetString() ?? "");
        });
        return shown;
    }

    // Each query is asked of every build in turn, the first of them alternating, so that both see the
    // same load and the same warm page cache.
    private static async Task<Dictionary<Build, List<Outcome>>> RanksAsync(List<Server> servers, string workspace, string name, List<Query> queries)
    {
        var outcomes = servers.ToDictionary(s => s.Build, _ => new List<Outcome>(queries.Count));
        await WithDocumentAsync(servers.Select(s => s.Client).ToList(), workspace, name, queries.Select(q => q.Text).ToList(), async (line, text) =>
        {
            for (var turn = 0; turn < servers.Count; turn++)
            {
                var (build, client) = servers[(line + turn) % servers.Count];
                if (line < WarmUp) await CompleteAsync(client, workspace, name, text);
                var cpuBefore = CpuMilliseconds(client.ProcessId);
                var clock = Stopwatch.StartNew();
                var items = await CompleteAsync(client, workspace, name, text);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                var cpu = CpuMilliseconds(client.ProcessId) - cpuBefore;
                var rank = items.FindIndex(item => InsertedId(item) == queries[line].Id);
                outcomes[build].Add(new Outcome(queries[line].Kind, queries[line].Id, text, rank, elapsed, cpu, string.Join(' ', items.Select(InsertedId))));
            }
        });
        return outcomes;
    }

    // One document per server whose only line is "arXiv:QUERY", each query in turn, as a note being
    // written: the papers it cites (an id typed in full) are those of the query at hand only.
    private static async Task WithDocumentAsync(List<LspStdioClient> clients, string workspace, string name, List<string> queries, Func<int, string, Task> each)
    {
        var uri = new Uri(Path.Combine(workspace, name)).AbsoluteUri;
        foreach (var client in clients)
            await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version = 0, text = "" } });
        for (var i = 0; i < queries.Count; i++)
        {
            foreach (var client in clients)
            {
                await client.NotifyAsync("textDocument/didChange", new
                {
                    textDocument = new { uri, version = i + 1 },
                    contentChanges = new[] { new { text = $"arXiv:{queries[i]}\n" } },
                });
            }
            await each(i, queries[i]);
        }
        foreach (var client in clients) await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
    }

    // The run time of every thread of the process (schedstat, in nanoseconds): a thread that exits
    // meanwhile is left out, a few microseconds at most. NaN where /proc has no such figures.
    private static double CpuMilliseconds(int processId)
    {
        var tasks = $"/proc/{processId}/task";
        if (!Directory.Exists(tasks)) return double.NaN;
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                nanoseconds += long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread exited between the listing and the read.
            }
        }
        return nanoseconds / 1_000_000.0;
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

    private static void Report(Dictionary<Build, List<Outcome>> outcomes, Dictionary<string, object> facts, string directory)
    {
        var output = Console.Out;
        var builds = new List<object>();
        var baseline = outcomes.Keys.FirstOrDefault(b => b.Name == "baseline");
        foreach (var (build, of) in outcomes)
        {
            output.WriteLine();
            output.WriteLine($"completion-relevance, {build.Name} ({build.Dll}): real papers among synthetic ones, typed after arXiv: through paperlens lsp");
            output.WriteLine($"  {"kind",-41}  {"queries",7}  {"recall@1",8}  {"recall@5",8}  {"p50 ms",7}  {"p99 ms",7}  {"CPU p50",7}  {"CPU p99",7}  goal");
            builds.Add(new { build = build.Name, dll = build.Dll, kinds = KindRows(of, build == baseline ? null : baseline is null ? null : outcomes[baseline], output) });
        }
        foreach (var (key, value) in facts) output.WriteLine($"  {key}: {Convert.ToString(value, CultureInfo.InvariantCulture)}");
        var path = Path.Combine(directory, "completion-relevance.json");
        var document = new { name = "completion-relevance", measured_at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), builds, facts };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        output.WriteLine($"  written: {path}");
    }

    // One row per kind of query; against a baseline, also how many of the lists differ from its lists
    // and the ratios of the CPU percentiles (the figure the machine's load does not distort).
    private static List<object> KindRows(List<Outcome> outcomes, List<Outcome>? baseline, TextWriter output)
    {
        var rows = new List<object>();
        for (var k = 0; k < Kinds.Length; k++)
        {
            var kind = Kinds[k];
            var of = outcomes.Where(o => o.Kind == k).ToList();
            if (of.Count == 0) continue;
            var at1 = of.Count(o => o.Rank == 0) / (double)of.Count;
            var at5 = of.Count(o => o.Rank is >= 0 and < 5) / (double)of.Count;
            var latency = new Latency(of.Select(o => o.Milliseconds).ToList());
            var cpu = new Latency(of.Select(o => o.CpuMilliseconds).ToList());
            var goals = new List<string>();
            if (kind.GoalAt1 is { } g1) goals.Add($"recall@1 >= {g1:F2} {(at1 >= g1 ? "met" : "MISSED")}");
            if (kind.GoalAt5 is { } g5) goals.Add($"recall@5 >= {g5:F2} {(at5 >= g5 ? "met" : "MISSED")}");
            goals.Add($"p99 <= {kind.GoalP99} ms: wall {(latency.P99 <= kind.GoalP99 ? "met" : "MISSED")}, CPU {(cpu.P99 <= kind.GoalP99 ? "met" : "MISSED")}");
            object? against = null;
            if (baseline is not null)
            {
                var theirs = baseline.Where(o => o.Kind == k).ToList();
                var theirCpu = new Latency(theirs.Select(o => o.CpuMilliseconds).ToList());
                var differing = of.Zip(theirs).Count(pair => pair.First.Listed != pair.Second.Listed);
                goals.Add(string.Create(CultureInfo.InvariantCulture,
                    $"vs baseline: CPU p50 {cpu.P50 / theirCpu.P50:F2}x, p99 {cpu.P99 / theirCpu.P99:F2}x, lists differing {differing}"));
                against = new
                {
                    cpu_p50_ratio = Math.Round(cpu.P50 / theirCpu.P50, 3),
                    cpu_p99_ratio = Math.Round(cpu.P99 / theirCpu.P99, 3),
                    lists_differing = differing,
                    differing_queries = of.Zip(theirs).Where(pair => pair.First.Listed != pair.Second.Listed).Take(10).Select(pair => pair.First.Query),
                };
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind.Name,-41}  {of.Count,7}  {at1,8:F3}  {at5,8:F3}  {latency.P50,7:F2}  {latency.P99,7:F2}  {cpu.P50,7:F2}  {cpu.P99,7:F2}  {string.Join("; ", goals)}"));
            rows.Add(new
            {
                kind = kind.Name,
                queries = of.Count,
                recall_at_1 = Math.Round(at1, 4),
                recall_at_5 = Math.Round(at5, 4),
                p50_ms = Math.Round(latency.P50, 3),
                p99_ms = Math.Round(latency.P99, 3),
                cpu_p50_ms = Math.Round(cpu.P50, 3),
                cpu_p99_ms = Math.Round(cpu.P99, 3),
                against_baseline = against,
                misses = of.Where(o => o.Rank is < 0 or >= 5).Take(10).Select(o => new { o.Id, o.Query, o.Rank }),
            });
        }
        return rows;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
