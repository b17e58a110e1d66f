using System.Text.Json;

namespace PaperLens.Cli.Tests;

/// <summary><c>paperlens check</c> as a CI gate (spec §5), run as a user would on a copy of the example
/// repository and its eight old findings: <c>--changed</c> through the real git reports only what a change
/// brought, a baseline hides the old findings however lines move, an ignore comment hides its line, and
/// SARIF fingerprints follow a finding, not its line number.</summary>
public sealed class CheckGateTests
{
    private const string WrongTitle = "- \"Attention Is All You Need\" arXiv:1409.3215";

    private static List<string> Findings(RunResult run) => Findings(run.Json);

    private static List<string> Findings(JsonElement json) => json.GetProperty("diagnostics").EnumerateArray()
        .Select(d => $"{d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()} {d.GetProperty("code").GetString()}")
        .ToList();

    private static readonly string[] OldFindings =
    [
        "notes/reading-list.md:8 PL012",
        "notes/state-space-models.md:19 PL009",
        "notes/state-space-models.md:27 PL001",
        "notes/state-space-models.md:42 PL003",
        "notes/time-series.md:26 PL013",
        "notes/time-series.md:26 PL003",
        "paper/draft.md:15 PL008",
        "references.bib:88 PL007",
    ];

    [Fact]
    public void A_change_adding_one_wrong_citation_makes_changed_report_exactly_that_one()
    {
        using var repo = new ExampleGitRepository();
        repo.Append("notes/time-series.md", WrongTitle);

        var everything = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json");
        var changed = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--changed", "--format", "json");

        Assert.Equal([.. OldFindings[..6], "notes/time-series.md:32 PL003", .. OldFindings[6..]], Findings(everything));
        Assert.Equal(["notes/time-series.md:32 PL003"], Findings(changed));
        Assert.Equal(0, changed.ExitCode);
        Assert.Matches(@"^paperlens: reporting the lines changed since [0-9a-f]{12} \(main, the default branch\)$", changed.Stderr.Trim());
    }

    [Fact]
    public void Changed_counts_commits_since_the_merge_base_staged_unstaged_and_untracked_changes_and_follows_renames()
    {
        using var repo = new ExampleGitRepository();
        repo.Git("switch", "--quiet", "--create", "topic");
        repo.Append("notes/chain-of-thought.md", "");
        repo.Append("notes/chain-of-thought.md", WrongTitle);
        repo.Git("commit", "--quiet", "--all", "--message=A wrong title");
        // Meanwhile main fixes the malformed id: compared with main's tip, that line would read as changed on the branch.
        repo.Git("switch", "--quiet", "main");
        File.WriteAllText(repo.Path("notes/state-space-models.md"), File.ReadAllText(repo.Path("notes/state-space-models.md")).Replace("2313.04512", "2312.04512"));
        repo.Git("commit", "--quiet", "--all", "--message=The right id");
        repo.Git("switch", "--quiet", "topic");
        repo.Git("mv", "notes/state-space-models.md", "notes/ssm.md");
        repo.Append("paper/draft.md", "See also [@nobody2024].");
        File.WriteAllText(repo.Path("notes/new.md"), "A typo: arXiv:2313.00001\n");

        var sinceMain = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--changed", "--format", "json");
        var sinceHead = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--changed", "HEAD", "--format", "json");

        Assert.Equal(["notes/chain-of-thought.md:45 PL003", "notes/new.md:1 PL001", "paper/draft.md:27 PL008"], Findings(sinceMain));
        Assert.Contains("the merge base of HEAD and main, the default branch", sinceMain.Stderr, StringComparison.Ordinal);
        Assert.Equal(["notes/new.md:1 PL001", "paper/draft.md:27 PL008"], Findings(sinceHead));
        Assert.Equal(1, sinceHead.ExitCode);
    }

    [Fact]
    public void Outside_a_git_work_tree_changed_is_a_one_line_error_with_status_2()
    {
        using var repo = new ExampleGitRepository(git: false);
        var environment = new Dictionary<string, string?> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(repo.Root) };

        var run = PaperLensProcess.Run(repo.Catalog, environment, "check", repo.Root, "--changed");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"paperlens: --changed compares with git, and {repo.Root} is not in a git work tree", Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void A_written_baseline_hides_the_old_findings_after_lines_above_them_move_and_reports_new_ones()
    {
        using var repo = new ExampleGitRepository(git: false);
        var baseline = repo.Path(".paperlens-baseline.json");

        var write = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--write-baseline", baseline);

        Assert.Equal(0, write.ExitCode);
        Assert.EndsWith($"paperlens: recorded 8 findings in {baseline}", write.Stderr.Trim(), StringComparison.Ordinal);
        var entries = File.ReadAllLines(baseline).Where(l => l.StartsWith("    {", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, entries.Count);
        Assert.Equal(entries.Order(StringComparer.Ordinal), entries);

        repo.Insert("notes/state-space-models.md", 1, "Read first:", "", "- the survey list below", "");
        repo.Insert("references.bib", 1, "% Entries are sorted by key.", "");
        repo.Insert("notes/time-series.md", 26, "- Another reference, not an arXiv one.");
        var moved = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--baseline", baseline, "--format", "json");

        Assert.Equal(0, moved.ExitCode);
        Assert.Empty(Findings(moved));
        Assert.Empty(moved.Stderr);

        repo.Append("notes/time-series.md", WrongTitle);
        File.WriteAllText(repo.Path("paper/draft.md"), File.ReadAllText(repo.Path("paper/draft.md")).Replace("[@gu2023mamba]", "[@gu2023]"));
        var changed = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--baseline", baseline, "--format", "json");

        Assert.Equal(["paper/draft.md:15 PL008", "notes/time-series.md:33 PL003"], Findings(changed).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("paperlens: 1 baseline entry no longer matches; --write-baseline " + baseline + " drops it", changed.Stderr.Trim());
    }

    [Fact]
    public void A_baseline_counts_identical_findings_and_hides_no_more_than_it_counted()
    {
        const string line = "- A typo: arXiv:2313.00752\n";
        using var repo = new TempRepo(("notes.md", line + line));
        var baseline = Path.Combine(repo.Root, "baseline.json");
        PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--write-baseline", baseline);
        Assert.Contains("\"count\":2", File.ReadAllText(baseline), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(repo.Root, "notes.md"), line + line + line);
        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--baseline", baseline, "--format", "json");

        Assert.Equal(["notes.md:3 PL001"], Findings(run));
    }

    [Fact]
    public void An_ignore_comment_hides_its_line_in_the_check()
    {
        using var repo = new ExampleGitRepository(git: false);
        repo.Insert("notes/state-space-models.md", 27, "<!-- paperlens-ignore PL001: the team will find the right id -->");
        repo.Insert("references.bib", 84, "% paperlens-ignore PL007");

        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json");

        Assert.Equal(
        [
            "notes/reading-list.md:8 PL012",
            "notes/state-space-models.md:19 PL009",
            "notes/state-space-models.md:43 PL003",
            "notes/time-series.md:26 PL013",
            "notes/time-series.md:26 PL003",
            "paper/draft.md:15 PL008",
        ], Findings(run));
    }

    [Fact]
    public void Sarif_fingerprints_follow_a_finding_when_lines_above_it_move()
    {
        using var repo = new ExampleGitRepository(git: false);
        Dictionary<string, int> Fingerprints() => PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "sarif").Json
            .GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .ToDictionary(
                r => r.GetProperty("partialFingerprints").GetProperty("paperlensFinding/v1").GetString()!,
                r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        var before = Fingerprints();
        repo.Insert("notes/state-space-models.md", 1, "Read first:", "");
        var after = Fingerprints();

        Assert.Equal(8, before.Count);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before.Keys.Where(k => before[k] != after[k]), k => Assert.Equal(before[k] + 2, after[k]));
        Assert.Equal(3, before.Keys.Count(k => before[k] != after[k]));
    }

    [Fact]
    public void Gate_options_that_cannot_work_are_one_line_errors_with_status_2_and_touch_no_file()
    {
        using var repo = new ExampleGitRepository();
        var notABaseline = repo.Path("notes.json");
        File.WriteAllText(notABaseline, "{\"notes\": true}\n");

        var combined = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--changed", "--write-baseline", repo.Path("b.json"));
        var missing = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--baseline", repo.Path("missing.json"));
        var overwrite = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--write-baseline", notABaseline);
        var noSuchCommit = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--changed", "notes");

        Assert.All([combined, missing, overwrite, noSuchCommit], run => Assert.Equal(2, run.ExitCode));
        Assert.Equal("paperlens: --write-baseline records the findings of every line, so it cannot be combined with --changed", combined.Stderr.Trim());
        Assert.Equal($"paperlens: no baseline at {repo.Path("missing.json")}", missing.Stderr.Trim());
        Assert.Equal($"paperlens: {notABaseline}: not a PaperLens baseline (no \"version\")", overwrite.Stderr.Trim());
        Assert.Equal("paperlens: --changed: 'notes' names no commit of this repository (a PATH to check goes before --changed)", noSuchCommit.Stderr.Trim());
        Assert.False(File.Exists(repo.Path("b.json")));
        Assert.Equal("{\"notes\": true}\n", File.ReadAllText(notABaseline));
    }
}
