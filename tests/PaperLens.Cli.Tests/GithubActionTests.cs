using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperLens.Cli.Tests;

/// <summary>A fact that runs action-validator, the schema check of GitHub's action and workflow files, installed
/// from npm into tests/e2e/github-action; skipped with the reason when it is not.</summary>
public sealed class ActionValidatorFactAttribute : FactAttribute
{
    public static string Validator => SourceTree.File("tests/e2e/github-action/node_modules/.bin/action-validator");

    public ActionValidatorFactAttribute()
    {
        if (!File.Exists(Validator)) Skip = "action-validator is not installed: npm ci in tests/e2e/github-action (./test.sh does)";
    }
}

/// <summary>The GitHub Action's script (<c>.github/action/run.sh</c>, what action.yml runs) run by hand, as
/// the runner would run it: in a pull request's checkout, with the variables the runner sets and the
/// action's inputs as INPUT_* variables; the release it installs served from 127.0.0.1.</summary>
public sealed class GithubActionTests
{
    private const string Owner = "paperlens-org/paperlens";

    // A pull request's checkout: main (also as origin/main, as actions/checkout with fetch-depth: 0 leaves
    // it) holds an old malformed id; the branch adds a title that is another paper's, a warning.
    private static TempRepo PullRequest()
    {
        var repo = new TempRepo(("notes.md", "Old typo: arXiv:2313.00752\n"));
        Git.InitAndCommitAll(repo.Root);
        Git.Run(repo.Root, "update-ref", "refs/remotes/origin/main", "HEAD");
        Git.Run(repo.Root, "checkout", "-q", "-b", "feature");
        repo.Write("paper.md", "We cite \"Attention Is All You Need\" (arXiv:1409.3215).\n");
        Git.CommitAll(repo.Root, "A paper");
        return repo;
    }

    private static string StepSummary(TempRepo repo) => Path.Combine(repo.Root + "-cache", "step-summary.md");

    private static RunResult RunAction(TempRepo repo, Dictionary<string, string?> variables)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_WORKSPACE"] = repo.Root,
            ["GITHUB_STEP_SUMMARY"] = StepSummary(repo),
            ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_REPOSITORY"] = "someone/their-notes",
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = "X64",
            ["RUNNER_TEMP"] = repo.Root + "-cache",
            ["INPUT_OFFLINE"] = "true",
            ["PAPERLENS_CATALOG"] = repo.Catalog,
            ["PAPERLENS_OFFLINE"] = "1",
        };
        foreach (var (name, value) in variables) environment[name] = value;
        return ToolProcess.Run(repo.Root, environment, SourceTree.File(".github/action/run.sh"));
    }

    [Fact]
    public void On_a_pull_request_only_what_the_branch_brought_is_annotated_and_summarised()
    {
        using var repo = PullRequest();

        var run = RunAction(repo, new() { ["PAPERLENS_BINARY"] = ToolProcess.Paperlens });

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var annotation = Assert.Single(run.Stdout.Split('\n'), line => line.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith("::warning file=paper.md,line=1,col=44,endLine=1,endColumn=53,title=PL003::title \"Attention Is All You Need\"", annotation);
        var summary = File.ReadAllText(StepSummary(repo));
        Assert.Contains("| warning | PL003 | paper.md:1:44 |", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_decides_which_findings_fail_the_step()
    {
        using var repo = PullRequest();
        var exitCodes = new[] { "error", "warning", "never" }.Select(failOn =>
            RunAction(repo, new() { ["PAPERLENS_BINARY"] = ToolProcess.Paperlens, ["INPUT_FAIL_ON"] = failOn }).ExitCode);
        Assert.Equal([0, 1, 0], exitCodes);

        repo.Write("paper.md", "A new typo: arXiv:2413.00001\n");
        Assert.Equal(0, RunAction(repo, new() { ["PAPERLENS_BINARY"] = ToolProcess.Paperlens, ["INPUT_FAIL_ON"] = "never" }).ExitCode);
        Assert.Equal(1, RunAction(repo, new() { ["PAPERLENS_BINARY"] = ToolProcess.Paperlens }).ExitCode);
    }

    [Fact]
    public void The_latest_release_for_the_runners_platform_is_downloaded_verified_and_run()
    {
        using var repo = PullRequest();
        using var releases = Releases("v9.8.7", "paperlens-9.8.7-osx-arm64.tar.gz", checksumOf: null);

        var run = RunAction(repo, new()
        {
            ["GITHUB_SERVER_URL"] = releases.BaseUrl,
            ["GITHUB_API_URL"] = releases.BaseUrl + "/api",
            ["GITHUB_ACTION_PATH"] = $"/home/runner/work/_actions/{Owner}/v1",
            ["RUNNER_OS"] = "macOS",
            ["RUNNER_ARCH"] = "ARM64",
        });

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("PaperLens 0.1.0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("::warning file=paper.md,line=1,col=44,", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(
        [
            $"/api/repos/{Owner}/releases/latest",
            $"/{Owner}/releases/download/v9.8.7/paperlens-9.8.7-osx-arm64.tar.gz",
            $"/{Owner}/releases/download/v9.8.7/paperlens-9.8.7-osx-arm64.tar.gz.sha256",
        ], releases.Requested);
    }

    [Fact]
    public void A_release_archive_that_does_not_match_its_checksum_is_not_run()
    {
        using var repo = PullRequest();
        using var releases = Releases("v0.3.0", "paperlens-0.3.0-linux-x64.tar.gz", checksumOf: "some other archive"u8.ToArray());

        var run = RunAction(repo, new()
        {
            ["GITHUB_SERVER_URL"] = releases.BaseUrl,
            ["GITHUB_ACTION_PATH"] = $"/home/runner/work/_actions/{Owner}/v1",
            ["INPUT_VERSION"] = "0.3.0",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("::error title=PaperLens::paperlens-0.3.0-linux-x64.tar.gz does not match its published SHA-256 checksum", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INPUT_FAIL_ON", "sometimes", "fail-on is 'sometimes'; it must be error, warning or never")]
    [InlineData("INPUT_OFFLINE", "yes", "offline is 'yes'; it must be true or false")]
    [InlineData("RUNNER_OS", "FreeBSD", "no PaperLens release for RUNNER_OS 'FreeBSD' (Linux, macOS or Windows)")]
    [InlineData("RUNNER_ARCH", "X86", "no PaperLens release for RUNNER_ARCH 'X86' (X64 or ARM64)")]
    public void What_the_action_cannot_do_is_one_error_annotation(string variable, string value, string message)
    {
        using var repo = new TempRepo();

        var run = RunAction(repo, new() { [variable] = value });

        Assert.Equal((2, "", $"::error title=PaperLens::{message}\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void Every_input_of_action_yml_reaches_the_script()
    {
        var action = File.ReadAllText(SourceTree.File("action.yml"));
        var script = File.ReadAllText(SourceTree.File(".github/action/run.sh"));
        var inputsBlock = action[action.IndexOf("\ninputs:\n", StringComparison.Ordinal)..action.IndexOf("\nruns:\n", StringComparison.Ordinal)];
        var inputs = Regex.Matches(inputsBlock, @"^  ([a-z-]+):$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["path", "offline", "baseline", "fail-on", "version"], inputs);
        Assert.All(inputs, input =>
        {
            var variable = "INPUT_" + input.ToUpperInvariant().Replace('-', '_');
            Assert.Contains($"{variable}: ${{{{ inputs.{input} }}}}", action, StringComparison.Ordinal);
            Assert.Contains("${" + variable + ":-", script, StringComparison.Ordinal);
        });
    }

    [ActionValidatorFact]
    public void Action_yml_is_valid_against_the_action_metadata_schema()
    {
        var run = ToolProcess.Run(SourceTree.Root, new Dictionary<string, string?>(), ActionValidatorFactAttribute.Validator, "action.yml");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [ActionValidatorFact]
    public void The_READMEs_workflow_is_a_valid_workflow_giving_the_action_only_its_inputs()
    {
        var workflow = SourceTree.ReadmeYaml("runs-on:");
        using var repo = new TempRepo((".github/workflows/citations.yml", workflow));

        var run = ToolProcess.Run(repo.Root, new Dictionary<string, string?>(), ActionValidatorFactAttribute.Validator, ".github/workflows/citations.yml");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var action = File.ReadAllText(SourceTree.File("action.yml"));
        var with = workflow[workflow.IndexOf("uses: paperlens/", StringComparison.Ordinal)..];
        Assert.All(Regex.Matches(with, @"^ +([a-z-]+):", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Where(key => key != "with"),
            input => Assert.Contains($"\n  {input}:\n", action, StringComparison.Ordinal));
    }

    /// <summary>A release of <see cref="Owner"/> tagged <paramref name="tag"/> holding one archive, whose
    /// paperlens starts the built one, and its .sha256 file: the archive's checksum, or that of
    /// <paramref name="checksumOf"/>.</summary>
    private static LoopbackReleases Releases(string tag, string archive, byte[]? checksumOf)
    {
        var bytes = Archive(archive[..archive.IndexOf(".tar.gz", StringComparison.Ordinal)]);
        var releases = new LoopbackReleases();
        releases.Serve($"/api/repos/{Owner}/releases/latest", Encoding.UTF8.GetBytes($$"""{"url":"x","tag_name":"{{tag}}","name":"PaperLens {{tag}}"}"""));
        releases.Serve($"/{Owner}/releases/download/{tag}/{archive}", bytes);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(checksumOf ?? bytes));
        releases.Serve($"/{Owner}/releases/download/{tag}/{archive}.sha256", Encoding.UTF8.GetBytes($"{checksum}  {archive}\n"));
        return releases;
    }

    // A .tar.gz with a folder holding `paperlens`, executable, as the release workflow packs it; this one
    // starts the built paperlens, since the real archive is built for a platform by the release workflow.
    private static byte[] Archive(string folder)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var launcher = new PaxTarEntry(TarEntryType.RegularFile, $"{folder}/paperlens")
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes($"#!/bin/sh\nexec '{ToolProcess.Paperlens}' \"$@\"\n")),
            };
            writer.WriteEntry(launcher);
        }
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(tar.ToArray());
        return compressed.ToArray();
    }
}
