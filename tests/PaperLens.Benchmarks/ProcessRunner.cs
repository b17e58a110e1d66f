using System.Diagnostics;

namespace PaperLens.Benchmarks;

/// <summary>The outcome of one external command, with its wall time from start to exit.</summary>
internal sealed record ProcessResult(int ExitCode, TimeSpan Elapsed, string StandardOutput, string StandardError);

/// <summary>Runs a command and times it. Output is drained concurrently so a chatty tool never blocks
/// on a full pipe (which would show up as time).</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        string? standardInputFile = null, string? standardOutputFile = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInputFile is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new BenchmarkException($"cannot start {fileName}");
        var stdoutTask = standardOutputFile is null
            ? process.StandardOutput.ReadToEndAsync()
            : CopyToFileAsync(process.StandardOutput.BaseStream, standardOutputFile);
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (standardInputFile is not null)
        {
            using (var input = File.OpenRead(standardInputFile)) input.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        process.WaitForExit();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        clock.Stop();
        return new ProcessResult(process.ExitCode, clock.Elapsed, stdout, stderr);
    }

    /// <summary>Whether a program can be started at all (it is installed and on PATH).</summary>
    public static bool IsAvailable(string fileName, string versionArgument)
    {
        try
        {
            return Run(fileName, [versionArgument], Directory.GetCurrentDirectory()).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<string> CopyToFileAsync(Stream source, string path)
    {
        await using var target = File.Create(path);
        await source.CopyToAsync(target);
        return "";
    }
}
