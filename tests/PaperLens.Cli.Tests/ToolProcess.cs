using System.Diagnostics;

namespace PaperLens.Cli.Tests;

/// <summary>Runs a program other than paperlens (git, pre-commit, pandoc, bash) as a user's shell would,
/// with the built <c>paperlens</c> executable first on PATH, and captures what it prints.</summary>
public static class ToolProcess
{
    /// <summary>The built <c>paperlens</c> executable (the apphost beside the tests).</summary>
    public static string Paperlens => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "paperlens.exe" : "paperlens");

    /// <param name="environment">Added to the test's own; a null value removes a variable.</param>
    public static RunResult Run(string directory, IReadOnlyDictionary<string, string?> environment, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PATH"] = AppContext.BaseDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish");
        }
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
