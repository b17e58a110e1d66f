using System.Diagnostics;

namespace PaperLens.Benchmarks;

/// <summary>The outcome of one external command, with its wall time from start to exit and its peak
/// resident memory (VmHWM, sampled while it ran; 0 where /proc is not available).</summary>
internal sealed record ProcessResult(int ExitCode, TimeSpan Elapsed, string StandardOutput, string StandardError, long PeakResidentBytes);

/// <summary>Runs a command and times it. Output is drained concurrently so a chatty tool never blocks
/// on a full pipe (which would show up as time).</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan MemorySampling = TimeSpan.FromMilliseconds(50);

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
        var peakTask = Task.Run(() => WatchPeakResident(process));
        if (standardInputFile is not null)
        {
            using (var input = File.OpenRead(standardInputFile)) input.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        process.WaitForExit();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        clock.Stop();
        return new ProcessResult(process.ExitCode, clock.Elapsed, stdout, stderr, peakTask.GetAwaiter().GetResult());
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

    // The kernel's high-water mark only grows, so the last reading before the process exits is its peak
    // (short of what it allocated in its last 50 ms).
    private static long WatchPeakResident(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in File.ReadLines(status))
                {
                    if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                    peak = Math.Max(peak, long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024);
                    break;
                }
            }
            catch (IOException)
            {
                // The process exited between the check and the read.
            }
            Thread.Sleep(MemorySampling);
        }
        return peak;
    }

    private static async Task<string> CopyToFileAsync(Stream source, string path)
    {
        await using var target = File.Create(path);
        await source.CopyToAsync(target);
        return "";
    }
}
