using System.Globalization;
using System.Text;
using PaperLens.Core.Features;
using PaperLens.Core.Rules;

namespace PaperLens.Cli.Output;

/// <summary>What a GitHub Actions job page shows under the step (the Markdown file <c>$GITHUB_STEP_SUMMARY</c>
/// names): the check's counts, the findings by rule, then the findings, errors first. GitHub shows only the
/// first ten annotations of each kind a step makes; this lists the rest. Paths and messages quote the
/// checked files and the catalog, so they go through <see cref="MarkdownWriter"/>: a <c>|</c> cannot cut a
/// table cell, nor a <c>&lt;b&gt;</c> render.</summary>
public static class GithubStepSummary
{
    // GitHub drops a step summary over 1 MiB whole; a row takes at most a few hundred bytes.
    private const int MaxListed = 1000;

    public static void Append(string file, string headline, IReadOnlyList<ReportedDiagnostic> diagnostics)
    {
        var markdown = new StringBuilder();
        markdown.Append(new MarkdownWriter().Heading(3).Text("PaperLens: " + headline)).Append("\n\n");
        if (diagnostics.Count > 0)
        {
            markdown.Append("| Rule | Findings |\n| --- | ---: |\n");
            foreach (var rule in diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
                markdown.Append(CultureInfo.InvariantCulture, $"| {Cell($"{rule.Key} {RuleCatalog.Find(rule.Key)?.Name}")} | {rule.Count()} |\n");

            markdown.Append("\n| Severity | Rule | Place | Message |\n| --- | --- | --- | --- |\n");
            var listed = diagnostics.OrderByDescending(d => SeverityNames.Parse(d.Severity)).Take(MaxListed);
            foreach (var d in listed)
            {
                var place = $"{d.Path}:{d.Line}:{d.Column}{TextOutput.InCell(d.Cell, d.CellLine)}";
                markdown.Append(CultureInfo.InvariantCulture, $"| {d.Severity} | {d.Code} | {Cell(place)} | {Cell(d.Message)} |\n");
            }
            if (diagnostics.Count > MaxListed)
                markdown.Append(CultureInfo.InvariantCulture, $"\n{diagnostics.Count - MaxListed} more findings are in the step's log.\n");
        }
        File.AppendAllText(file, markdown.ToString());
    }

    private static string Cell(string text) => new MarkdownWriter(atLineStart: false).Text(text).ToString();
}
