using System.Diagnostics;
using System.Text.Json;
using PaperLens.Core.Catalog;
using PaperLens.Testing;

namespace PaperLens.Cli.Tests;

public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}

/// <summary>Runs the built <c>paperlens</c> executable (<see cref="PaperLensExecutable"/>) as a user would,
/// with its own catalog file and no network, and captures what it prints.</summary>
public static class PaperLensProcess
{
    public static RunResult Run(string catalog, params string[] args) => Run(catalog, new Dictionary<string, string?>(), args);

    /// <summary>Runs with <paramref name="environment"/> on top of the defaults; a null value removes a
    /// variable (e.g. PAPERLENS_OFFLINE, with PAPERLENS_ARXIV_API pointing at a loopback server).</summary>
    public static RunResult Run(string catalog, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = PaperLensExecutable.StartInfo(args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = AppContext.BaseDirectory;
        start.Environment["PAPERLENS_CATALOG"] = catalog;
        start.Environment["PAPERLENS_OFFLINE"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"paperlens {string.Join(' ', args)} did not finish");
        }
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A temporary directory with files written from (relative path, content) pairs; deleted on dispose.</summary>
public sealed class TempRepo : IDisposable
{
    public TempRepo(params (string Path, string Content)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "paperlens-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        foreach (var (path, content) in files) Write(path, content);
        Catalog = Path.Combine(Root + "-cache", "catalog.db");
        PaperCatalog.Open(Catalog).Dispose();
    }

    public string Root { get; }

    /// <summary>A catalog outside the repository, seeded with the bundled papers; made here because the
    /// CLI refuses a PAPERLENS_CATALOG that does not exist (spec §5).</summary>
    public string Catalog { get; }

    public string Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        foreach (var dir in new[] { Root, Path.GetDirectoryName(Catalog)! })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
