using System.CommandLine;
using PaperLens.Cli.Output;
using PaperLens.Core.Rules;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens check [PATH...]</c>: the workspace citation check (spec §4, §5).</summary>
public static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = CommonOptions.Paths("check");
        var format = CommonOptions.Format("text", "json", "sarif", "github");
        var catalog = CommonOptions.Catalog();
        var offline = CommonOptions.Offline();
        var strict = new Option<bool>("--strict") { Description = "Exit with status 1 on warnings too." };
        var verbose = new Option<bool>("--verbose") { Description = "List every not-in-catalog (PL009) finding in text output instead of one line counting them." };
        var command = new Command("check", "Check every arXiv citation in a repository (asking arXiv about papers the catalog lacks, unless offline).")
        {
            paths, format, catalog, offline, strict, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspaces = new List<CheckedWorkspace>();
            var findings = new List<Diagnostic>();
            var reported = new List<ReportedDiagnostic>();
            var annotated = new List<ReportedDiagnostic>();
            foreach (var target in WorkspaceTarget.From(parse.GetValue(paths)!))
            {
                using var workspace = CheckedWorkspace.Load(target, parse.GetValue(catalog));
                foreach (var unread in workspace.Unread()) stderr.WriteLine($"paperlens: {unread}");
                await workspace.RefreshFromArxivAsync(parse.GetValue(offline), stderr, cancellationToken);
                var found = workspace.Check();
                if (await workspace.SearchClaimedTitlesAsync(found, parse.GetValue(offline), stderr, cancellationToken)) found = workspace.Check();
                findings.AddRange(found);
                reported.AddRange(found.Select(workspace.Locate));
                annotated.AddRange(found.Select(d => GithubOutput.FromRepositoryRoot(workspace.Locate(d), workspace.Scan.Root)));
                // Kept past its disposal (which closes only the catalog) for the counts of the report.
                workspaces.Add(workspace);
            }

            switch (parse.GetValue(format))
            {
                case "json":
                    var report = new CheckReport(workspaces.Sum(w => w.Documents.Count), workspaces.Sum(w => w.CitationCount),
                        workspaces.Sum(w => w.Skipped.Sum(g => g.Count)), reported);
                    JsonOutput.Write(stdout, report, ReportJson.Readable.CheckReport);
                    break;
                case "sarif":
                    var rules = RuleCatalog.All.Select(r => new SarifRule(r.Code, r.Name, r.Description, SeverityNames.ToName(r.DefaultSeverity))).ToList();
                    JsonOutput.Write(stdout, SarifOutput.Build(rules, reported, typeof(CheckCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"), ReportJson.Readable.JsonObject);
                    break;
                case "github":
                    GithubOutput.WriteAnnotations(stdout, annotated);
                    if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
                        GithubStepSummary.Append(stepSummary, Summary.Of(workspaces, findings), annotated);
                    break;
                default:
                    TextOutput.WriteDiagnostics(stdout, reported, parse.GetValue(verbose));
                    stderr.WriteLine(Summary.Of(workspaces, findings));
                    break;
            }

            var failAt = parse.GetValue(strict) ? Severity.Warning : Severity.Error;
            return findings.Any(f => f.Severity >= failAt) ? CliApp.FindingsFailed : CliApp.Ok;
        });
        return command;
    }
}
