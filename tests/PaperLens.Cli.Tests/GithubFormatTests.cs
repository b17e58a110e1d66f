using System.Net;
using System.Text.RegularExpressions;
using CsCheck;
using PaperLens.Cli.Output;
using PaperLens.Core.Tests.Features;

namespace PaperLens.Cli.Tests;

/// <summary><c>paperlens check --format github</c> (spec §5) as a GitHub Actions runner reads it: workflow
/// commands the runner turns into annotations, and the Markdown step summary the job page shows.</summary>
public sealed partial class GithubFormatTests
{
    private const string Notes = """
        A typo: arXiv:2313.00752
        We cite "Attention Is 100% All You | <b>Need</b>: *Really*" (arXiv:1409.3215).
        Mamba arXiv:2312.00752 and S4 arXiv:2111.00396.
        """;

    private const string Mismatch = "title \"Attention Is 100% All You | <b>Need</b>: *Really*\" does not match arXiv:1409.3215 \"Sequence to Sequence Learning with Neural Networks\"";

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Every_finding_is_one_workflow_command_with_its_place_severity_and_rule()
    {
        using var repo = new TempRepo(("notes.md", Notes));
        var run = PaperLensProcess.Run(repo.Catalog, new Dictionary<string, string?> { ["GITHUB_WORKSPACE"] = repo.Root }, "check", repo.Root, "--format", "github");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            "::error file=notes.md,line=1,col=15,endLine=1,endColumn=25,title=PL001::malformed arXiv id '2313.00752': month 13 does not exist (YYMM must have a month 01-12)",
            "::warning file=notes.md,line=2,col=68,endLine=2,endColumn=77,title=PL003::" + Mismatch.Replace("%", "%25"),
            "::notice file=notes.md,line=3,col=13,endLine=3,endColumn=23,title=PL009::arXiv:2312.00752 is not in the local catalog; add it with 'paperlens import' or run the check online to look it up",
            "::notice file=notes.md,line=3,col=37,endLine=3,endColumn=47,title=PL009::arXiv:2111.00396 is not in the local catalog; add it with 'paperlens import' or run the check online to look it up",
        ], Lines(run.Stdout));
    }

    [Fact]
    public void A_file_name_with_a_comma_and_a_colon_is_escaped_in_the_file_property()
    {
        using var repo = new TempRepo(("drafts/v2, final: notes.md", "A typo: arXiv:2313.00752\n"));
        var run = PaperLensProcess.Run(repo.Catalog, new Dictionary<string, string?> { ["GITHUB_WORKSPACE"] = repo.Root }, "check", repo.Root, "--format", "github");

        var command = Assert.Single(Lines(run.Stdout));
        Assert.StartsWith("::error file=drafts/v2%2C final%3A notes.md,line=1,col=15,", command);
        Assert.Equal("drafts/v2, final: notes.md", RunnerCommand.Parse(command).Properties["file"]);
    }

    [Fact]
    public void A_checked_subfolder_is_annotated_with_paths_from_the_repository_root()
    {
        using var repo = new TempRepo(("docs/guide/notes.md", "A typo: arXiv:2313.00752\n"), ("README.md", "arXiv:2313.00752\n"));
        var run = PaperLensProcess.Run(repo.Catalog, new Dictionary<string, string?> { ["GITHUB_WORKSPACE"] = repo.Root },
            "check", Path.Combine(repo.Root, "docs"), "--format", "github");

        var command = RunnerCommand.Parse(Assert.Single(Lines(run.Stdout)));
        Assert.Equal("docs/guide/notes.md", command.Properties["file"]);
    }

    [Fact]
    public void Whatever_a_path_or_message_holds_the_runner_reads_back_the_same_annotation()
    {
        var pathCharacter = Gen.Char["%:,=\r\n a0"];
        Gen.Select(Gen.String[pathCharacter, 0, 40], Gen.String, Gen.Int[1, 10_000])
            .Sample((path, message, line) =>
            {
                var finding = new ReportedDiagnostic(path, line, 2, line, 9, "warning", "PL003", message, null, null, null);
                var written = new StringWriter();
                GithubOutput.WriteAnnotations(written, [finding]);

                var output = written.ToString();
                Assert.Equal(output.Length - 1, output.IndexOf('\n', StringComparison.Ordinal));
                var command = RunnerCommand.Parse(output.TrimEnd('\n'));
                Assert.Equal(("warning", path, line.ToString(System.Globalization.CultureInfo.InvariantCulture), "PL003", message),
                    (command.Name, command.Properties["file"], command.Properties["line"], command.Properties["title"], command.Data));
            });
    }

    [Fact]
    public void The_step_summary_counts_findings_by_rule_then_lists_them_errors_first_with_their_text_literal()
    {
        using var repo = new TempRepo(("notes.md", Notes));
        var summary = Path.Combine(repo.Root + "-cache", "step-summary.md");
        File.WriteAllText(summary, "Written by an earlier step.\n\n");
        var environment = new Dictionary<string, string?> { ["GITHUB_WORKSPACE"] = repo.Root, ["GITHUB_STEP_SUMMARY"] = summary };

        var run = PaperLensProcess.Run(repo.Catalog, environment, "check", repo.Root, "--format", "github");

        Assert.Equal(4, Lines(run.Stdout).Length);
        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("Written by an earlier step.\n\n### PaperLens: 4 citations in 1 file: 1 error, 1 warning, 2 information\n", markdown);
        var tables = Tables(RenderedMarkdown.Html(markdown));
        Assert.Equal(2, tables.Count);
        Assert.Equal(
        [
            ["Rule", "Findings"],
            ["PL001 malformed-id", "1"],
            ["PL003 title-mismatch", "1"],
            ["PL009 not-in-catalog", "2"],
        ], tables[0]);
        Assert.Equal(["Severity", "Rule", "Place", "Message"], tables[1][0]);
        Assert.Equal(["error", "PL001", "notes.md:1:15"], tables[1][1][..3]);
        Assert.Equal(["warning", "PL003", "notes.md:2:68", Mismatch], tables[1][2]);
        Assert.Equal(["information", "information"], tables[1][3..].Select(row => row[0]));
    }

    [Fact]
    public void Without_a_step_summary_file_only_workflow_commands_are_printed()
    {
        using var repo = new TempRepo(("notes.md", "\"Sequence to Sequence Learning with Neural Networks\" (arXiv:1409.3215)\n"));
        var run = PaperLensProcess.Run(repo.Catalog, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = null }, "check", repo.Root, "--format", "github");

        Assert.Equal((0, "", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    /// <summary>Each table's rows, each row's cells as text; a cell holding an HTML tag fails the test,
    /// since the summary's text must never render as markup.</summary>
    private static List<List<string[]>> Tables(string html) =>
        TableElement().Matches(html).Select(table => RowElement().Matches(table.Value).Select(row => CellElement().Matches(row.Value).Select(cell =>
        {
            Assert.DoesNotContain("<", cell.Groups[1].Value, StringComparison.Ordinal);
            return WebUtility.HtmlDecode(cell.Groups[1].Value);
        }).ToArray()).ToList()).ToList();

    [GeneratedRegex("<table>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableElement();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowElement();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellElement();

    /// <summary>A workflow command as the Actions runner parses one (ActionCommand.TryParseV2): the name up to a
    /// space, comma-separated key=value properties up to "::", the data after it; then its unescaping.</summary>
    private sealed record RunnerCommand(string Name, Dictionary<string, string> Properties, string Data)
    {
        public static RunnerCommand Parse(string line)
        {
            Assert.StartsWith("::", line);
            var end = line.IndexOf("::", 2, StringComparison.Ordinal);
            var info = line[2..end];
            var space = info.IndexOf(' ', StringComparison.Ordinal);
            var properties = new Dictionary<string, string>();
            if (space > 0)
            {
                foreach (var property in info[(space + 1)..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = property.Split('=', 2);
                    properties[pair[0]] = pair[1].Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");
                }
            }
            var data = line[(end + 2)..].Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");
            return new RunnerCommand(space > 0 ? info[..space] : info, properties, data);
        }
    }
}
