using System.Diagnostics;
using System.Text;

namespace PaperLens.Core.Tests.Workspace;

/// <summary>A real folder under the system temp directory, deleted after the test.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "paperlens-ws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text) => Write(relativePath, Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A named pipe (Linux, through mkfifo): opening it for reading waits for a writer.</summary>
    public string MakeFifo(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} exited with {mkfifo.ExitCode}");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
