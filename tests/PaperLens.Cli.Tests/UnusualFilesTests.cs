using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;

namespace PaperLens.Cli.Tests;

/// <summary>`paperlens check` on a tree that holds more than regular files: FIFOs and sockets with a
/// document's name, files and folders it may not read, symbolic links in a circle, a 100,000-line
/// file, bytes that are not UTF-8 (mkfifo and chmod: Unix). It finishes, reports the findings of what it could read, and its
/// summary counts the skipped files by reason.</summary>
[UnsupportedOSPlatform("windows")]
public class UnusualFilesTests
{
    private const int LongFileLines = 100_000;

    [Fact]
    public void Check_finishes_on_FIFOs_sockets_unreadable_files_symlink_loops_huge_and_invalid_UTF8_files_and_names_each_skip()
    {
        using var repo = new TempRepo(("notes.md", "Survey: arXiv:2404.16112\n"));
        MakeFifo(Path.Combine(repo.Root, "pipe.md"));
        MakeFifo(Path.Combine(repo.Root, "refs", "library.bib"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(repo.Root, "agent.md")));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "loop.md"), "loop.md");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "refs", "up"), repo.Root);
        var locked = repo.Write("locked.md", "Locked: arXiv:2313.00752\n");
        var lockedFolder = Path.GetDirectoryName(repo.Write("private/inner.md", "Inner: arXiv:2313.00752\n"))!;
        var longFile = new StringBuilder();
        for (var line = 1; line < LongFileLines; line++) longFile.Append("Line ").Append(line).Append(" of prose, nothing cited.\n");
        longFile.Append("The last line cites arXiv:2313.00752.\n");
        repo.Write("long.md", longFile.ToString());
        File.WriteAllBytes(Path.Combine(repo.Root, "latin1.md"), [.. "Caf"u8, 0xE9, 0xFF, .. " arXiv:2313.00752\n"u8]);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.SetUnixFileMode(lockedFolder, UnixFileMode.None);
        try
        {
            // chmod 000 does not stop root (CAP_DAC_OVERRIDE): there the two are read like any file.
            var lockingWorks = !CanOpen(locked);

            var json = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json");
            var text = PaperLensProcess.Run(repo.Catalog, "check", repo.Root);

            Assert.Equal(1, json.ExitCode);
            var malformed = json.Json.GetProperty("diagnostics").EnumerateArray()
                .Where(d => d.GetProperty("code").GetString() == "PL001")
                .Select(d => $"{d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}")
                .ToList();
            // The long file is read to its end; each undecodable byte is one U+FFFD, so the id's column is the text's.
            Assert.Equal(lockingWorks
                ? ["latin1.md:1:13", $"long.md:{LongFileLines}:27"]
                : ["latin1.md:1:13", "locked.md:1:15", $"long.md:{LongFileLines}:27", "private/inner.md:1:14"], malformed);
            Assert.Equal(lockingWorks ? 6 : 4, json.Json.GetProperty("skipped").GetInt32());
            Assert.Equal(1, text.ExitCode);
            Assert.EndsWith(lockingWorks
                ? "; skipped 6 files (2 FIFO, 1 socket, 1 symlink loop, 2 unreadable)"
                : "; skipped 4 files (2 FIFO, 1 socket, 1 symlink loop)", text.Stderr.TrimEnd());
        }
        finally
        {
            File.SetUnixFileMode(lockedFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static bool CanOpen(string path)
    {
        try
        {
            File.OpenRead(path).Dispose();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
