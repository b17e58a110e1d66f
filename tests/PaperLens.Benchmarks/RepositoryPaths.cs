using System.Runtime.InteropServices;

namespace PaperLens.Benchmarks;

/// <summary>Where the harness finds the PaperLens source tree, the shared data folder beside it, and
/// the built paperlens executable.</summary>
internal sealed class RepositoryPaths
{
    private RepositoryPaths(string root) => Root = root;

    /// <summary>The folder holding PaperLens.sln.</summary>
    public string Root { get; }

    /// <summary>The shared data and tools folder: $PAPERLENS_SHARED, else a sibling of the repository
    /// (../shared; a git worktree elsewhere names it with the variable).</summary>
    public string Shared => Environment.GetEnvironmentVariable("PAPERLENS_SHARED") is { Length: > 0 } shared
        ? Path.GetFullPath(shared)
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public string SeedPapers => Path.Combine(Root, "server", "PaperLens.Core", "Catalog", "seed-papers.jsonl");

    /// <summary>Finds the repository from the current directory or, failing that, from the harness's own location.</summary>
    public static RepositoryPaths Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PaperLens.sln"))) return new RepositoryPaths(dir.FullName);
            }
        }
        throw new BenchmarkException("cannot find PaperLens.sln above the current directory; run from the repository");
    }

    /// <summary>Builds the CLI in Release (into $PAPERLENS_ARTIFACTS when set, as the tree's build props do)
    /// and returns the path of paperlens.dll.</summary>
    public string BuildCli()
    {
        var project = Path.Combine(Root, "server", "PaperLens.Cli", "PaperLens.Cli.csproj");
        Console.Error.WriteLine("building paperlens (Release)...");
        var build = ProcessRunner.Run("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"], Root);
        if (build.ExitCode != 0)
            throw new BenchmarkException($"building {project} failed:\n{build.StandardOutput}{build.StandardError}");
        var artifacts = Environment.GetEnvironmentVariable("PAPERLENS_ARTIFACTS") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Root, "artifacts");
        var release = Path.Combine(artifacts, "bin", "PaperLens.Cli", "release", "paperlens.dll");
        if (File.Exists(release)) return release;
        var anyRelease = Directory.Exists(Path.Combine(artifacts, "bin", "PaperLens.Cli"))
            ? Directory.EnumerateFiles(Path.Combine(artifacts, "bin", "PaperLens.Cli"), "paperlens.dll", SearchOption.AllDirectories)
                .FirstOrDefault(p => p.Contains("release", StringComparison.OrdinalIgnoreCase))
            : null;
        return anyRelease ?? throw new BenchmarkException($"built paperlens.dll not found under {artifacts}/bin/PaperLens.Cli");
    }

    /// <summary>Publishes the native (NativeAOT) paperlens for this machine's platform into a folder of
    /// <paramref name="outputDirectory"/> and returns the binary's path.</summary>
    public string PublishNative(string outputDirectory)
    {
        var project = Path.Combine(Root, "server", "PaperLens.Cli", "PaperLens.Cli.csproj");
        var rid = RuntimeInformation.RuntimeIdentifier;
        var folder = Path.Combine(outputDirectory, "native-" + rid);
        Console.Error.WriteLine($"publishing the native paperlens ({rid})...");
        var publish = ProcessRunner.Run("dotnet", ["publish", project, "-c", "Release", "-r", rid, "-p:PublishAot=true", "-o", folder, "--nologo", "-v", "quiet"], Root);
        if (publish.ExitCode != 0)
            throw new BenchmarkException($"publishing {project} natively failed:\n{publish.StandardOutput}{publish.StandardError}");
        return Path.Combine(folder, OperatingSystem.IsWindows() ? "paperlens.exe" : "paperlens");
    }
}
