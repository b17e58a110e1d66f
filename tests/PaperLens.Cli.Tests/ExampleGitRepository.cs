using System.Diagnostics;

namespace PaperLens.Cli.Tests;

/// <summary>A copy of examples/research-notes — a repository with old findings — in a temporary directory,
/// optionally made a git repository (the real git) with everything committed on <c>main</c>, for the tests
/// of the check as a CI gate. Deleted on dispose.</summary>
public sealed class ExampleGitRepository : IDisposable
{
    private readonly TempRepo _repo = new();

    public ExampleGitRepository(bool git = true)
    {
        var example = BibCommandTests.ExampleRoot();
        foreach (var file in Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Root, System.IO.Path.GetRelativePath(example, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        if (!git) return;
        Git("init", "--quiet", "--initial-branch=main");
        Git("add", "--all");
        Git("commit", "--quiet", "--message=Notes with years of history");
    }

    public string Root => _repo.Root;

    public string Catalog => _repo.Catalog;

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Runs git in the repository, as someone with no git configuration of their own; fails the test when git does.</summary>
    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", "user.name=PaperLens Tests", "-c", "user.email=tests@paperlens.invalid", .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error.Result}");
        return output;
    }

    /// <summary>Inserts <paramref name="lines"/> before the 1-based line <paramref name="before"/> of a file.</summary>
    public void Insert(string relative, int before, params string[] lines)
    {
        var text = File.ReadAllLines(Path(relative)).ToList();
        text.InsertRange(before - 1, lines);
        File.WriteAllLines(Path(relative), text);
    }

    public void Append(string relative, string line) => File.AppendAllText(Path(relative), line + "\n");

    public void Dispose() => _repo.Dispose();
}
