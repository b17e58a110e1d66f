using System.Diagnostics;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Tests;

/// <summary>A temporary workspace folder and a catalog file beside it (seeded with the bundled papers
/// on first open). Files are written from marked fixtures; both folders are deleted on dispose.</summary>
public sealed class TestWorkspace : IDisposable
{
    public TestWorkspace(params (string Path, string Content)[] files)
    {
        var top = Path.Combine(Path.GetTempPath(), "paperlens-lsp-" + Guid.NewGuid().ToString("N")[..12]);
        Root = Path.Combine(top, "ws");
        Directory.CreateDirectory(Root);
        CatalogPath = Path.Combine(top, "cache", "catalog.db");
        foreach (var (path, content) in files) Write(path, content);
    }

    public string Root { get; }

    public string CatalogPath { get; }

    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>A named pipe (Linux, through mkfifo): opening it for reading waits for a writer.</summary>
    public string MakeFifo(string relativePath)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var mkfifo = Process.Start("mkfifo", [full]);
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {full} exited with {mkfifo.ExitCode}");
        return full;
    }

    public string Uri(string relativePath) => DocumentUri.FromPath(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        var top = Path.GetDirectoryName(Root)!;
        if (Directory.Exists(top)) Directory.Delete(top, recursive: true);
    }
}
