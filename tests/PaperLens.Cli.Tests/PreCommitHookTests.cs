using System.Text.RegularExpressions;
using PaperLens.Core.Scanning;

namespace PaperLens.Cli.Tests;

/// <summary>This repository's <c>.pre-commit-hooks.yaml</c> run by the real pre-commit framework (Debian's) the
/// way a user tries a hook repository: <c>pre-commit try-repo</c> against this source tree, on the staged
/// files of a temporary git repository. Offline: the hook is <c>language: system</c>, so pre-commit
/// downloads no environment, and runs the built paperlens from PATH.</summary>
public sealed class PreCommitHookTests
{
    private const string Bibliography = """
        @misc{sutskever2014,
          title = {Sequence to Sequence Learning with Neural Networks},
          eprint = {1409.3215},
          archivePrefix = {arXiv}
        }
        """;

    private const string Wrong = "We cite \"Attention Is All You Need\" (arXiv:1409.3215) and [@sutskever2014].\n";
    private const string Fixed = "We cite \"Sequence to Sequence Learning with Neural Networks\" (arXiv:1409.3215) and [@sutskever2014].\n";

    private static RunResult TryRepo(TempRepo repo) =>
        ToolProcess.Run(repo.Root, new Dictionary<string, string?>
        {
            ["PRE_COMMIT_HOME"] = Path.Combine(repo.Root + "-cache", "pre-commit"),
            ["PAPERLENS_CATALOG"] = repo.Catalog,
            ["PAPERLENS_OFFLINE"] = "1",
        }, "pre-commit", "try-repo", SourceTree.Root, "paperlens", "--color", "never");

    [ToolFact("pre-commit", "pre-commit")]
    public void A_staged_wrong_citation_fails_the_hook_and_staging_the_fix_passes_it()
    {
        using var repo = new TempRepo(("refs.bib", Bibliography), ("notes.md", "Notes.\n"));
        Git.InitAndCommitAll(repo.Root);
        repo.Write("paper.md", Wrong);
        Git.Run(repo.Root, "add", "paper.md");
        // Fixed in the working tree only: the commit would still carry the wrong citation.
        repo.Write("paper.md", Fixed);
        // A mistake in a file that is not staged is not this commit's.
        repo.Write("notes.md", "Notes. A typo: arXiv:2313.00752\n");

        var failed = TryRepo(repo);

        Assert.True(failed.ExitCode == 1, failed.Stdout + failed.Stderr);
        Assert.Contains("paper.md:1:44: warning PL003: title \"Attention Is All You Need\" does not match arXiv:1409.3215", failed.Stdout, StringComparison.Ordinal);
        // The key resolves through the workspace's refs.bib, which is not among the staged files.
        Assert.DoesNotContain("PL008", failed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", failed.Stdout, StringComparison.Ordinal);

        Git.Run(repo.Root, "add", "paper.md");
        var passed = TryRepo(repo);

        Assert.True(passed.ExitCode == 0, passed.Stdout + passed.Stderr);
        Assert.Matches(@"arXiv citations \(PaperLens\)\.+Passed", passed.Stdout);
    }

    [ToolFact("pre-commit", "pre-commit")]
    public void The_READMEs_configuration_is_one_pre_commit_accepts_naming_this_hook()
    {
        var configuration = SourceTree.ReadmeYaml("hooks:");
        using var repo = new TempRepo((".pre-commit-config.yaml", configuration));

        var run = ToolProcess.Run(repo.Root, new Dictionary<string, string?>(), "pre-commit", "validate-config", ".pre-commit-config.yaml");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("- id: paperlens\n", configuration, StringComparison.Ordinal);
        Assert.Contains("- id: paperlens\n", File.ReadAllText(SourceTree.File(".pre-commit-hooks.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_hook_is_given_exactly_the_files_the_scanners_read()
    {
        var files = new Regex(FilesPattern());
        var names = DocumentScanner.ScannedExtensions.SelectMany(e => new[] { "src/model" + e, "MODEL" + e.ToUpperInvariant() })
            .Concat(DocumentScanner.ScannedFileNames.Select(name => "tools/" + name))
            .Concat(["data.json", "notes.txt", "logo.png", "README", "paper.pdf", "CMakeLists.txt.orig", "Makefile.bak"]);

        Assert.All(names, name => Assert.True(files.IsMatch(name) == DocumentScanner.CanScan(name), $"{name}: the hook's files pattern and the scanners disagree"));
    }

    // The block scalar under `files: |`, as pre-commit reads it (a Python regular expression in verbose mode,
    // which .NET reads alike for this pattern).
    private static string FilesPattern()
    {
        var lines = File.ReadAllLines(SourceTree.File(".pre-commit-hooks.yaml"));
        var start = Array.FindIndex(lines, l => l.Trim() == "files: |") + 1;
        Assert.True(start > 0, ".pre-commit-hooks.yaml has no `files: |` block");
        var block = lines[start..].TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) || l.Length == 0);
        // YAML takes the block's indentation off its lines.
        return string.Join('\n', block.Select(l => l.Length < 4 ? "" : l[4..]));
    }
}
