using System.Runtime.InteropServices;
using System.Text;

namespace PaperLens.Core.Workspace;

/// <summary>Whether a path names something that can be read as a document. A name says nothing of it:
/// a FIFO called <c>notes.md</c> blocks whoever opens it until something writes to it (forever, in a
/// workspace), a socket cannot be opened at all, a device is no document, and a symbolic link may lead
/// in a circle or nowhere. .NET reports none of these kinds (a FIFO's attributes are those of a plain
/// file), so the kind is asked of the system before the file is opened.</summary>
internal static class FileKinds
{
    // The runtime's portable file status (pal_io.h): the same layout and mode bits on every Unix and
    // architecture, unlike libc's struct stat. Only the mode is read; the size leaves room for the
    // fields after it.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    // System.Native is the library FileInfo itself stands on; a UTF-8 byte array and a blittable struct
    // need no marshalling, so this is the same call under the JIT and NativeAOT.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat(byte[] nulTerminatedUtf8Path, out FileStatus status);

    /// <returns>Why the file at <paramref name="path"/> is not read (<see cref="SkipReasons"/>), or null
    /// when it may be opened: a regular file, or one that cannot be examined, whose reading then says
    /// what is wrong. A file could still be swapped for a FIFO between this question and the opening;
    /// nothing short of a non-blocking open, which .NET does not offer, closes that window.</returns>
    public static string? SkipReason(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        if (Stat(Encoding.UTF8.GetBytes(path + '\0'), out var status) == 0)
        {
            return (status.Mode & TypeMask) switch
            {
                Fifo => SkipReasons.Fifo,
                Socket => SkipReasons.Socket,
                CharacterDevice or BlockDevice => SkipReasons.Device,
                _ => null,
            };
        }
        return LinkProblem(path);
    }

    /// <summary>A path that cannot be examined with its links followed: a loop, or a link to nothing.</summary>
    private static string? LinkProblem(string path)
    {
        try
        {
            var entry = new FileInfo(path);
            if (entry.LinkTarget is null) return null;
            return entry.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } ? null : SkipReasons.BrokenSymlink;
        }
        catch (IOException)
        {
            // Following the links gave up: they go round in a circle.
            return SkipReasons.SymlinkLoop;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
