using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using PaperLens.Core.Catalog;
using PaperLens.Core.Completion;
using PaperLens.Testing;
using static PaperLens.Testing.NumberedPapers;

namespace PaperLens.Cli.Tests;

/// <summary>Issue 4 "The whole arXiv, offline": <c>paperlens import</c> killed with SIGKILL mid-import and
/// run again; gzip input; malformed lines.</summary>
public sealed partial class ImportCommandTests
{
    private const int SeedCount = 57;

    [Fact]
    public void An_import_killed_mid_way_leaves_a_consistent_catalog_and_a_rerun_completes_it()
    {
        // Three batches and a part: the kill comes right after the first is committed.
        const int papers = SnapshotImporter.BatchSize * 3 + 5_000;
        using var repo = new TempRepo();
        var snapshot = repo.Write("snapshot.jsonl", Snapshot(papers));

        var committed = ImportAndKillAfterFirstCommit(repo.Catalog, snapshot);

        using (var killed = PaperCatalog.Open(repo.Catalog))
        {
            var count = killed.Count();
            Assert.InRange(count, SeedCount + committed, SeedCount + papers - 1);
            Assert.Equal([Id(1)], killed.Search(UniqueWord(1), 5).Select(p => p.Id.Canonical));
        }

        var rerun = PaperLensProcess.Run(repo.Catalog, "import", snapshot);

        Assert.Equal(0, rerun.ExitCode);
        var resumed = ResumedAfter().Match(rerun.Stdout);
        Assert.True(resumed.Success, rerun.Stdout);
        var resumedAfter = long.Parse(resumed.Groups["line"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(resumedAfter, committed, papers - 1);
        Assert.Contains($"{papers - resumedAfter} records read", rerun.Stdout);
        Assert.Contains($"{SeedCount + papers} papers", rerun.Stdout);
        using var catalog = PaperCatalog.Open(repo.Catalog);
        Assert.Equal(SeedCount + papers, catalog.Count());
        foreach (var n in new[] { 1, (int)resumedAfter, (int)resumedAfter + 1, papers })
        {
            Assert.Equal([Id(n)], catalog.Search(UniqueWord(n), 5).Select(p => p.Id.Canonical));
            Assert.Equal([Id(n)], catalog.Complete(CompletionQuery.Parse(UniqueWord(n)), 10, []).Papers.Select(p => p.Id.Canonical));
        }
    }

    [Fact]
    public void A_gzip_snapshot_is_imported_like_the_plain_file()
    {
        using var repo = new TempRepo();
        var compressed = Path.Combine(repo.Root, "snapshot.jsonl.gz");
        using (var output = File.Create(compressed))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var input = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "fixtures", "arxiv-snapshot-head200.jsonl")))
            input.CopyTo(gzip);

        var import = PaperLensProcess.Run(repo.Catalog, "import", compressed);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("200 records read, 200 new, 0 updated, 0 unchanged, 0 failed", import.Stdout);
        var lookup = PaperLensProcess.Run(repo.Catalog, "lookup", "0704.0200");
        Assert.Equal(0, lookup.ExitCode);
        Assert.Contains("0704.0200", lookup.Stdout);
    }

    [Fact]
    public void Malformed_lines_are_reported_with_their_line_numbers_and_the_rest_is_imported()
    {
        using var repo = new TempRepo();
        var snapshot = repo.Write("snapshot.jsonl", Line(1) + "{\"id\": \"1801.00002\", \"title\": \n" + Line(3) + "not JSON at all\n" + Line(5));

        var import = PaperLensProcess.Run(repo.Catalog, "import", snapshot);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("5 records read, 3 new, 0 updated, 0 unchanged, 2 failed", import.Stdout);
        Assert.Contains($"{snapshot}:2: invalid JSON", import.Stderr);
        Assert.Contains($"{snapshot}:4: invalid JSON", import.Stderr);
        Assert.Contains($"{SeedCount + 3} papers", import.Stdout);
    }

    // Starts the import, waits for the plain progress line that reports the first committed batch (stderr
    // is not a terminal), and kills the process with SIGKILL. Returns the line that batch reached.
    private static long ImportAndKillAfterFirstCommit(string catalog, string snapshot)
    {
        var start = PaperLensExecutable.StartInfo(["import", snapshot, "--catalog", catalog]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = AppContext.BaseDirectory;
        start.Environment["PAPERLENS_OFFLINE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                if (CommittedTo().Match(line) is not { Success: true } committed) continue;
                process.Kill();
                process.WaitForExit();
                return long.Parse(committed.Groups["line"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
            process.WaitForExit();
            throw new Xunit.Sdk.XunitException($"the import ended without reporting a committed batch: {stdout.Result}");
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    private static string Snapshot(int papers)
    {
        using var text = new StringWriter();
        NumberedPapers.Write(text, papers);
        return text.ToString();
    }

    [GeneratedRegex(@"committed to line (?<line>[\d,]+)")]
    private static partial Regex CommittedTo();

    [GeneratedRegex(@"records read after line (?<line>\d+), where an interrupted import stopped")]
    private static partial Regex ResumedAfter();
}
