using System.Diagnostics;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>The files a fuzz episode's messages point at: the workspace root, more folders beside it (one
/// nested in the root, one holding a FIFO, which no walk may block on), documents in and out of them, and the
/// URIs a hostile client sends. Folder and file names are fixed, so a seed makes the same messages in any
/// temporary directory.</summary>
public sealed class FuzzWorld : IDisposable
{
    public FuzzWorld()
    {
        Workspace = new TestWorkspace(
            ("a.md", "Informer arXiv:2012.07436 and the survey arXiv:2404.16112.\n"),
            ("notes/b.md", "A typo: arXiv:2313.00752, and https://arxiv.org/abs/1409.3215\n"));
        _files.AddRange([Path.Combine(Workspace.Root, "a.md"), Path.Combine(Workspace.Root, "notes", "b.md")]);
        var top = Path.GetDirectoryName(Workspace.Root)!;
        var notes = Path.Combine(Workspace.Root, "notes");
        var second = Write(Path.Combine(top, "second"), ("n1.md", "Seq2seq arXiv:1409.3215\n"), ("n2.md", "RNN review arXiv:1506.00019\n"));
        var withFifo = Write(Path.Combine(top, "with-fifo"), ("p.md", "Order matters arXiv:1511.06391\n"));
        MakeFifo(Path.Combine(withFifo, "pipe.md"));
        var outside = Write(Path.Combine(top, "outside"), ("o.md", "Outside arXiv:2012.07436\n"));
        Folders = [Workspace.Root, notes, second, withFifo];
        Documents =
        [
            Workspace.Uri("a.md"), Workspace.Uri("notes/b.md"), DocumentUri.FromPath(Path.Combine(second, "n1.md")),
            DocumentUri.FromPath(Path.Combine(outside, "o.md")), DocumentUri.FromPath(Path.Combine(outside, "unsaved.md")), DocumentUri.FromPath(Path.Combine(outside, "refs.bib")),
            DocumentUri.FromPath(Path.Combine(outside, "model.py")), "untitled:Untitled-1", "file:///", "not a uri", "file:///nonexistent/%ZZ.md", "",
        ];
    }

    public TestWorkspace Workspace { get; }

    /// <summary>Folders a client may add and remove; the first is the root given to initialize.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>URIs of documents to open, change, close and ask about: files in and out of the folders,
    /// unsaved ones (outside every folder, so that the files a status counts are the files on disk), and
    /// URIs that name no file.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>How many of the regular files written here (the FIFO is not one) these folders hold: what
    /// the status of a server with these workspace folders counts.</summary>
    public int FilesIn(IEnumerable<string> folders) =>
        _files.Count(file => folders.Any(folder => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)));

    private readonly List<string> _files = [];

    private string Write(string folder, params (string Name, string Text)[] files)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
            _files.Add(Path.Combine(folder, name));
        }
        return folder;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
    }

    public void Dispose() => Workspace.Dispose();
}
