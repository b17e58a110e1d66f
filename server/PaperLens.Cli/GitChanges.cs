using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using PaperLens.Core.Gate;

namespace PaperLens.Cli;

/// <summary>What <c>check --changed [REF]</c> compares a workspace with, asked of the real <c>git</c> (spec §5):
/// the merge base of HEAD and REF — by default the default branch: <c>origin/HEAD</c>, else <c>main</c>,
/// <c>master</c>, <c>origin/main</c>, <c>origin/master</c> — against the work tree, so that staged, unstaged
/// and untracked (not ignored) files count, renames followed.</summary>
public static class GitChanges
{
    private static readonly string[] DefaultBranches = ["main", "master", "origin/main", "origin/master"];

    /// <returns>The changed lines of the workspace's files (paths relative to <paramref name="root"/>),
    /// and what they were compared with, for the user.</returns>
    /// <exception cref="CliException">No git, no work tree, or no such commit.</exception>
    public static (ChangedLines Lines, string Since) Read(string root, string? reference)
    {
        if (Git(root, "rev-parse", "--is-inside-work-tree") is not { Status: 0, Output: var inside } || inside.Trim() != "true")
            throw new CliException($"--changed compares with git, and {root} is not in a git work tree");

        var compared = reference ?? DefaultBranch(root);
        if (Git(root, "rev-parse", "--verify", "--quiet", compared + "^{commit}") is not { Status: 0, Output: var named })
            throw new CliException($"--changed: '{compared}' names no commit of this repository (a PATH to check goes before --changed)");
        if (Git(root, "merge-base", "HEAD", compared) is not { Status: 0, Output: var merged })
            throw new CliException($"--changed: HEAD and '{compared}' have no common commit (in a shallow clone, fetch the history: git fetch --unshallow)");
        var commit = merged.Trim();
        var which = reference is null ? $"{compared}, the default branch" : compared;
        var since = commit == named.Trim() ? $"{commit[..12]} ({which})" : $"{commit[..12]}, the merge base of HEAD and {which}";

        var diff = Git(root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--find-renames",
            "--relative", "--src-prefix=a/", "--dst-prefix=b/", "--ignore-submodules", commit, "--");
        var untracked = Git(root, "ls-files", "--others", "--exclude-standard", "-z");
        if (diff.Status != 0 || untracked.Status != 0)
            throw new CliException($"--changed: git could not compare the work tree with {compared}: {FirstLine(diff.Status != 0 ? diff.Error : untracked.Error)}");
        return (ChangedLines.Read(diff.Output, untracked.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)), since);
    }

    private static string DefaultBranch(string root)
    {
        if (Git(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD") is { Status: 0, Output: var head } && head.Trim().Length > 0)
            return head.Trim();
        return DefaultBranches.FirstOrDefault(branch => Git(root, "rev-parse", "--verify", "--quiet", branch + "^{commit}").Status == 0)
            ?? throw new CliException("--changed: no default branch to compare with (origin/HEAD, main, master, origin/main or origin/master); name one: --changed REF");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private readonly record struct Result(int Status, string Output, string Error);

    private static Result Git(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // A check reads; it must not take the index lock from a git command the user runs meanwhile.
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using var git = Process.Start(start)!;
            var error = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return new Result(git.ExitCode, output, error.Result);
        }
        catch (Win32Exception)
        {
            throw new CliException("--changed compares with git, and no git command was found");
        }
    }
}
