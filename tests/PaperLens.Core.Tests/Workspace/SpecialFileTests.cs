using System.Net.Sockets;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Tests.Workspace;

/// <summary>A workspace holds more than regular files: FIFOs and sockets with a document's name,
/// links to devices, links that go round in a circle or lead nowhere. The walk finishes, reads every
/// regular file, and names why each of the others was skipped.</summary>
public class SpecialFileTests
{
    private const string Note = "# Notes\n\nSee arXiv:2405.13956 for attention as an RNN.\n";

    // Today's failure mode is a walk that never returns: it fails the test instead of hanging the run.
    private static Task<WorkspaceScan> ScanAsync(string root) =>
        Task.Run(() => WorkspaceScanner.Scan(root, WorkspaceOptions.Default, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));

    private static Dictionary<string, IReadOnlyList<string>> SkippedByReason(WorkspaceScan scan) =>
        scan.Skipped.ToDictionary(g => g.Reason, g => g.Paths);

    [Fact]
    public async Task FIFOs_sockets_devices_and_broken_links_are_skipped_with_their_reasons_and_the_rest_is_read()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("notes/a.md", Note);
        workspace.MakeFifo("notes/pipe.md");
        workspace.MakeFifo("src/queue.py");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(workspace.Root, "notes", "server.md")));
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "null.md"), "/dev/null");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "self.md"), "self.md");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "ping.md"), "pong.md");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "pong.md"), "ping.md");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "gone.md"), "deleted.md");

        var scan = await ScanAsync(workspace.Root);

        Assert.Equal(["notes/a.md"], scan.Documents.Select(d => d.Path));
        Assert.Equal(new Dictionary<string, IReadOnlyList<string>>
        {
            [SkipReasons.BrokenSymlink] = ["gone.md"],
            [SkipReasons.Device] = ["null.md"],
            [SkipReasons.Fifo] = ["notes/pipe.md", "src/queue.py"],
            [SkipReasons.Socket] = ["notes/server.md"],
            [SkipReasons.SymlinkLoop] = ["ping.md", "pong.md", "self.md"],
        }, SkippedByReason(scan));
        Assert.Equal(8, scan.SkippedCount);
    }

    [Fact]
    public async Task A_link_to_a_regular_file_is_read_like_the_file()
    {
        using var workspace = new TempWorkspace();
        var target = workspace.Write("shared/reading.md", Note);
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "reading.md"), target);

        var scan = await ScanAsync(workspace.Root);

        Assert.Equal(["reading.md", "shared/reading.md"], scan.Documents.Select(d => d.Path));
        Assert.Empty(scan.Skipped);
    }

    [Fact]
    public async Task A_FIFO_named_as_the_root_or_read_on_its_own_is_skipped_not_waited_on()
    {
        using var workspace = new TempWorkspace();
        var fifo = workspace.MakeFifo("pipe.md");

        var single = await ScanAsync(fifo);
        var read = await Task.Run(() => WorkspaceFileReader.Read(fifo)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(single.Documents);
        Assert.Equal(["pipe.md"], SkippedByReason(single)[SkipReasons.Fifo]);
        Assert.Equal(new FileText(null, SkipReasons.Fifo), read);
    }

    [Fact]
    public async Task A_gitignore_that_is_a_FIFO_ignores_nothing_and_the_walk_finishes()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("a.md", Note);
        workspace.Write("notes/b.md", Note);
        workspace.MakeFifo(".gitignore");
        workspace.MakeFifo("notes/.gitignore");

        var scan = await ScanAsync(workspace.Root);

        Assert.Equal(["a.md", "notes/b.md"], scan.Documents.Select(d => d.Path));
        Assert.Empty(scan.Skipped);
    }
}
