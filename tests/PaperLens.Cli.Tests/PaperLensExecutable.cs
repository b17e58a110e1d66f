using System.Diagnostics;

namespace PaperLens.Testing;

/// <summary>The <c>paperlens</c> that the tests start as a process. <c>./test.sh</c> publishes the native
/// (NativeAOT) binary and names it in <c>PAPERLENS_EXECUTABLE</c>, so that what ships is what the CLI,
/// stdio and Neovim tests run; without it they run the JIT build that the project reference copies next
/// to the tests (<c>dotnet paperlens.dll</c>).</summary>
public static class PaperLensExecutable
{
    public const string Variable = "PAPERLENS_EXECUTABLE";

    /// <summary>The JIT build beside the test assembly.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "paperlens.dll");

    /// <summary>The native binary under test, or null when the tests run the JIT build.</summary>
    public static string? Native { get; } = NativeFromEnvironment();

    /// <summary>The words that start <c>paperlens</c>, before its own arguments.</summary>
    public static IReadOnlyList<string> Command { get; } = Native is { } native ? [native] : ["dotnet", Dll];

    /// <summary>A start of <c>paperlens</c> with <paramref name="arguments"/>; the caller sets redirection and environment.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments) => StartInfo(Command, arguments);

    /// <summary>A start of the JIT build, whichever build is under test: the one the native binary is compared with.</summary>
    public static ProcessStartInfo JitStartInfo(IEnumerable<string> arguments) => StartInfo(["dotnet", Dll], arguments);

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1).Concat(arguments)) start.ArgumentList.Add(argument);
        return start;
    }

    // A variable naming no file fails every process test loudly rather than quietly testing the JIT build.
    private static string? NativeFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return null;
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new FileNotFoundException($"{Variable} names no file: {full}", full);
    }
}
