namespace PaperLens.Benchmarks;

/// <summary>Issues 2, 4 and 14: catalog import throughput of <c>paperlens import</c> against the sqlite3
/// shell loading the same snapshot file into a table plus an FTS5 index on title and authors, with the
/// peak resident memory of each, the size of what each wrote against the snapshot's, and where the
/// catalog's bytes are (bytes per paper of each table and index, from SQLite's dbstat). Goals: paperlens
/// at least as fast as the shell, at 100k and at 2.8M records, its memory the same at both, its catalog
/// no larger than the snapshot file. With <c>--baseline-paperlens DLL</c> an earlier build imports the same
/// file in each repetition too, so before and after are compared under the same load.</summary>
internal static class ImportVsSqlite
{
    private const string Sqlite = "/usr/bin/sqlite3";

    /// <summary>The shell's best honest load: one transaction in WAL mode, the raw lines staged with
    /// .import (a one-column table; 0x1F as the column separator never occurs in JSON text), every
    /// snapshot field extracted into a typed row keyed by id, then an external-content FTS5 index
    /// over title and authors — what a catalog needs for lookup by id and by words.</summary>
    private const string LoadScript = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        BEGIN;
        CREATE TEMP TABLE raw(line TEXT);
        .mode ascii
        .separator "\037" "\n"
        .import {0} raw
        CREATE TABLE papers(
          id TEXT PRIMARY KEY, submitter TEXT, authors TEXT, title TEXT, comments TEXT, journal_ref TEXT,
          doi TEXT, report_no TEXT, categories TEXT, license TEXT, abstract TEXT, versions TEXT,
          update_date TEXT, authors_parsed TEXT);
        INSERT OR REPLACE INTO papers
          SELECT json_extract(line, '$.id'), json_extract(line, '$.submitter'), json_extract(line, '$.authors'),
                 json_extract(line, '$.title'), json_extract(line, '$.comments'), json_extract(line, '$."journal-ref"'),
                 json_extract(line, '$.doi'), json_extract(line, '$."report-no"'), json_extract(line, '$.categories'),
                 json_extract(line, '$.license'), json_extract(line, '$.abstract'), json_extract(line, '$.versions'),
                 json_extract(line, '$.update_date'), json_extract(line, '$.authors_parsed')
          FROM raw WHERE json_valid(line);
        CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, content='papers', content_rowid='rowid');
        INSERT INTO papers_fts(rowid, title, authors) SELECT rowid, title, authors FROM papers;
        COMMIT;
        SELECT count(*) FROM papers;
        """;

    public static BenchmarkResult Run(RepositoryPaths paths, BenchmarkOptions options)
    {
        if (!File.Exists(Sqlite)) throw new BenchmarkException($"{Sqlite} not found; on Debian/Ubuntu: sudo apt-get install sqlite3");
        Directory.CreateDirectory(options.OutputDirectory);
        var snapshot = Path.Combine(options.OutputDirectory, $"snapshot-{options.Records}.jsonl");
        if (!File.Exists(snapshot)) Generate(paths, options.Records, snapshot);
        // The snapshot may be a link to one shared between runs: its size is the target's.
        var snapshotBytes = new FileInfo(File.ResolveLinkTarget(snapshot, returnFinalTarget: true)?.FullName ?? snapshot).Length;

        var script = Path.Combine(options.OutputDirectory, "sqlite3-load.sql");
        File.WriteAllText(script, LoadScript.Replace("{0}", Path.GetFileName(snapshot)));
        var shellDb = Path.Combine(options.OutputDirectory, "sqlite3-shell.db");
        var dll = options.BaselineOnly ? null : options.Paperlens ?? paths.BuildCli();
        var catalog = Path.Combine(options.OutputDirectory, "import-catalog.db");
        // An earlier build, timed in the same repetitions, alternating with this one: before and after
        // under the same load.
        var baseline = options.BaselineOnly ? null : options.BaselinePaperlens;
        var baselineCatalog = Path.Combine(options.OutputDirectory, "baseline-catalog.db");

        var shellTimes = new List<double>();
        var importTimes = new List<double>();
        var baselineTimes = new List<double>();
        long shellRows = 0, shellSize = 0, catalogSize = 0, shellPeak = 0, importPeak = 0, baselineSize = 0, baselinePeak = 0;
        for (var i = 0; i < options.Repetitions; i++)
        {
            Console.Error.WriteLine($"repetition {i + 1}/{options.Repetitions}");
            DeleteDatabase(shellDb);
            var shell = ProcessRunner.Run(Sqlite, [shellDb], options.OutputDirectory, standardInputFile: script);
            if (shell.ExitCode != 0 || shell.StandardError.Length > 0)
                throw new BenchmarkException($"sqlite3 load failed ({shell.ExitCode}): {shell.StandardError.Trim()}");
            shellTimes.Add(shell.Elapsed.TotalSeconds);
            shellRows = long.Parse(shell.StandardOutput.Trim().Split('\n')[^1].Trim());
            shellSize = DatabaseSize(shellDb);
            shellPeak = Math.Max(shellPeak, shell.PeakResidentBytes);

            if (dll is null) continue;
            var import = Import(dll, snapshot, catalog, options.OutputDirectory);
            importTimes.Add(import.Elapsed.TotalSeconds);
            catalogSize = DatabaseSize(catalog);
            importPeak = Math.Max(importPeak, import.PeakResidentBytes);

            if (baseline is null) continue;
            var before = Import(baseline, snapshot, baselineCatalog, options.OutputDirectory);
            baselineTimes.Add(before.Elapsed.TotalSeconds);
            baselineSize = DatabaseSize(baselineCatalog);
            baselinePeak = Math.Max(baselinePeak, before.PeakResidentBytes);
        }

        var shellTiming = new Timing("sqlite3 shell (.import + json_extract + FTS5)", shellTimes);
        var timings = new List<Timing> { shellTiming };
        var facts = new Dictionary<string, object>
        {
            ["records"] = options.Records,
            ["snapshot_megabytes"] = Math.Round(snapshotBytes / 1_000_000.0, 1),
            ["sqlite3_version"] = ProcessRunner.Run(Sqlite, ["--version"], options.OutputDirectory).StandardOutput.Trim(),
            ["sqlite3_rows"] = shellRows,
            ["sqlite3_records_per_second"] = Math.Round(options.Records / shellTiming.Median),
            ["sqlite3_megabytes_per_100k"] = PerHundredThousand(shellSize, options.Records),
            ["snapshot_bytes_per_record"] = Math.Round((double)snapshotBytes / options.Records),
            ["sqlite3_database_to_snapshot_size"] = Math.Round((double)shellSize / snapshotBytes, 3),
            ["sqlite3_peak_resident_megabytes"] = Math.Round(shellPeak / 1_000_000.0),
        };
        double? ratio = null;
        if (dll is not null)
        {
            var importTiming = new Timing("paperlens import", importTimes);
            timings.Add(importTiming);
            facts["paperlens_records_per_second"] = Math.Round(options.Records / importTiming.Median);
            facts["paperlens_catalog_megabytes_per_100k"] = PerHundredThousand(catalogSize, options.Records);
            facts["paperlens_peak_resident_megabytes"] = Math.Round(importPeak / 1_000_000.0);
            facts["paperlens_catalog_to_snapshot_size"] = Math.Round((double)catalogSize / snapshotBytes, 3);
            foreach (var (table, bytesPerPaper) in BytesPerPaper(catalog, options.OutputDirectory))
                facts[$"paperlens_bytes_per_paper.{table}"] = bytesPerPaper;
            ratio = shellTiming.Median / importTiming.Median;
        }
        if (baselineTimes.Count > 0)
        {
            var baselineTiming = new Timing("paperlens import, baseline build", baselineTimes);
            timings.Add(baselineTiming);
            facts["baseline_paperlens"] = baseline!;
            facts["baseline_records_per_second"] = Math.Round(options.Records / baselineTiming.Median);
            facts["baseline_peak_resident_megabytes"] = Math.Round(baselinePeak / 1_000_000.0);
            facts["baseline_catalog_to_snapshot_size"] = Math.Round((double)baselineSize / snapshotBytes, 3);
            facts["baseline_to_paperlens_time"] = Math.Round(baselineTiming.Median / timings[1].Median, 3);
            foreach (var (table, bytesPerPaper) in BytesPerPaper(baselineCatalog, options.OutputDirectory))
                facts[$"baseline_bytes_per_paper.{table}"] = bytesPerPaper;
        }
        return new BenchmarkResult("import-vs-sqlite3", timings, facts, ratio, "paperlens / sqlite3 records per second (goal: at least 1.0)");
    }

    private static ProcessResult Import(string dll, string snapshot, string catalog, string directory)
    {
        DeleteDatabase(catalog);
        var import = ProcessRunner.Run("dotnet", [dll, "import", snapshot, "--catalog", catalog], directory);
        if (import.ExitCode != 0)
            throw new BenchmarkException($"paperlens import ({dll}) exited with {import.ExitCode}: {import.StandardError.Trim()}");
        return import;
    }

    private static void Generate(RepositoryPaths paths, int records, string target)
    {
        var generator = Path.Combine(paths.Shared, "tools", "gen_snapshot.py");
        if (!File.Exists(generator)) throw new BenchmarkException($"{generator} not found (the shared folder sits beside the repository)");
        Console.Error.WriteLine($"generating {records} snapshot records...");
        var partial = target + ".partial";
        var result = ProcessRunner.Run("python3", [generator, records.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            paths.Root, standardOutputFile: partial);
        if (result.ExitCode != 0) throw new BenchmarkException($"gen_snapshot.py failed: {result.StandardError.Trim()}");
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>The bytes of each table and index (every page SQLite's dbstat counts, used or not) and of
    /// the free pages, per paper, largest first.</summary>
    private static IEnumerable<(string Table, double BytesPerPaper)> BytesPerPaper(string catalog, string directory)
    {
        const string Query = """
            SELECT name, sum(pgsize) * 1.0 / (SELECT count(*) FROM papers) FROM dbstat GROUP BY name
            UNION ALL SELECT '(free pages)', (SELECT freelist_count FROM pragma_freelist_count) * (SELECT page_size FROM pragma_page_size) * 1.0 / (SELECT count(*) FROM papers)
            ORDER BY 2 DESC
            """;
        var run = ProcessRunner.Run(Sqlite, ["-readonly", "-separator", "\t", catalog, Query], directory);
        if (run.ExitCode != 0) throw new BenchmarkException($"sqlite3 dbstat failed ({run.ExitCode}): {run.StandardError.Trim()}");
        foreach (var line in run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (table, bytes) = (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]);
            var perPaper = Math.Round(double.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture), 1);
            if (perPaper >= 0.1) yield return (table, perPaper);
        }
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }

    private static long DatabaseSize(string path) =>
        new[] { "", "-wal" }.Select(suffix => new FileInfo(path + suffix)).Where(f => f.Exists).Sum(f => f.Length);

    private static double PerHundredThousand(long bytes, int records) => Math.Round(bytes / 1_000_000.0 * 100_000 / records, 1);
}
