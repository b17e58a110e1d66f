using System.Diagnostics;
using PaperLens.Testing;

namespace PaperLens.Cli.Tests;

/// <summary>A fact about the native binary, skipped while the tests run the JIT build.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (PaperLensExecutable.Native is null)
            Skip = $"the tests run the JIT build: ./test.sh publishes the native binary and names it in {PaperLensExecutable.Variable}";
    }
}

/// <summary>The native binary is the program people install without .NET: started with nothing .NET
/// needs (PATH an empty folder, no DOTNET_ROOT, no HOME), it answers as the JIT build does.</summary>
public sealed class NativeBinaryTests
{
    [NativeFact]
    public void Without_dotnet_the_native_binary_checks_the_example_repository_as_the_jit_build_does()
    {
        using var repo = new TempRepo();
        string[] check = ["check", BibCommandTests.ExampleRoot(), "--format", "json", "--offline", "--catalog", repo.Catalog];

        var native = RunBare(PaperLensExecutable.StartInfo(check), repo.Root);
        var jit = Run(PaperLensExecutable.JitStartInfo(check));

        Assert.True(native.ExitCode == 1, $"exit status {native.ExitCode}: {native.Stderr}");
        Assert.Equal(jit.ExitCode, native.ExitCode);
        Assert.NotEmpty(native.Json.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(jit.Stdout, native.Stdout);
    }

    [NativeFact]
    public void Without_dotnet_the_native_binary_prints_the_version_of_the_jit_build()
    {
        using var repo = new TempRepo();

        var native = RunBare(PaperLensExecutable.StartInfo(["--version"]), repo.Root);
        var jit = Run(PaperLensExecutable.JitStartInfo(["--version"]));

        Assert.Equal(0, native.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", native.Stdout);
        Assert.Equal(jit.Stdout, native.Stdout);
    }

    private static RunResult RunBare(ProcessStartInfo start, string emptyFolder)
    {
        start.Environment.Clear();
        start.Environment["PATH"] = emptyFolder;
        start.Environment["NO_COLOR"] = "1";
        return Run(start);
    }

    private static RunResult Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{start.FileName} did not finish");
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
