namespace PaperLens.Cli.Tests;

/// <summary>The real git on a test's temporary repository, with an identity of its own so that commits
/// work on a machine with no git configuration.</summary>
public static class Git
{
    private static readonly Dictionary<string, string?> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "PaperLens Tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@paperlens.invalid",
        ["GIT_COMMITTER_NAME"] = "PaperLens Tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@paperlens.invalid",
    };

    public static string Run(string repository, params string[] args)
    {
        var run = ToolProcess.Run(repository, Identity, "git", args);
        Assert.True(run.ExitCode == 0, $"git {string.Join(' ', args)}: {run.Stderr}");
        return run.Stdout.Trim();
    }

    /// <summary>Makes <paramref name="repository"/> a repository on branch main with everything in it committed.</summary>
    public static void InitAndCommitAll(string repository)
    {
        Run(repository, "init", "-q", "-b", "main");
        CommitAll(repository, "The repository as it was");
    }

    public static void CommitAll(string repository, string message)
    {
        Run(repository, "add", "-A");
        Run(repository, "commit", "-q", "-m", message);
    }
}
