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
        var changed = new Option<string?>("--changed")
        {
            Description = "Report only the findings on lines changed since REF, staged, unstaged and untracked changes included (default: the merge base with the default branch). Needs git.",
            HelpName = "REF",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var baseline = new Option<string?>("--baseline") { Description = "Hide the findings the baseline FILE records.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record the findings in the baseline FILE (created or updated) instead of reporting them.", HelpName = "FILE" };
        var command = new Command("check", "Check every arXiv citation in a repository (asking arXiv about papers the catalog lacks, unless offline).")
        {
            paths, format, catalog, offline, strict, verbose, changed, baseline, writeBaseline,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspaces = new List<CheckedWorkspace>();
            var findings = new List<Diagnostic>();
            var reported = new List<ReportedDiagnostic>();
            var roots = new List<string>();
            var targets = WorkspaceTarget.From(parse.GetValue(paths)!);
            var gate = CheckGate.Create(targets, parse.GetResult(changed) is not null, parse.GetValue(changed), parse.GetValue(baseline),
                parse.GetValue(writeBaseline), parse.GetValue(format) == "sarif", stderr);
            foreach (var target in targets)
            {
                using var workspace = CheckedWorkspace.Load(target, parse.GetValue(catalog));
                foreach (var unread in workspace.Unread()) stderr.WriteLine($"paperlens: {unread}");
                await workspace.RefreshFromArxivAsync(parse.GetValue(offline), stderr, cancellationToken);
                var found = workspace.Check();
                if (await workspace.SearchClaimedTitlesAsync(found, parse.GetValue(offline), stderr, cancellationToken)) found = workspace.Check();
                gate.Add(workspace, found);
                // Kept past its disposal (which closes only the catalog) for the counts of the report.
                workspaces.Add(workspace);
            }

            foreach (var (finding, shown, root) in gate.Report())
            {
                findings.Add(finding);
                reported.Add(shown);
                roots.Add(root);
            }

            switch (parse.GetValue(format))
            {
                case "json":
                    JsonOutput.WriteCheckReport(stdout, workspaces.Sum(w => w.Documents.Count), workspaces.Sum(w => w.CitationCount),
                        workspaces.Sum(w => w.Skipped.Sum(g => g.Count)), reported);
                    break;
                case "sarif":
                    var rules = RuleCatalog.All.Select(r => new SarifRule(r.Code, r.Name, r.Description, SeverityNames.ToName(r.DefaultSeverity))).ToList();
                    JsonOutput.Write(stdout, SarifOutput.Build(rules, reported, typeof(CheckCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"), ReportJson.Readable.JsonObject);
                    break;
                case "github":
                    var annotated = reported.Select((shown, i) => GithubOutput.FromRepositoryRoot(shown, roots[i])).ToList();
                    GithubOutput.WriteAnnotations(stdout, annotated);
                    if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
                        GithubStepSummary.Append(stepSummary, Summary.Of(workspaces, findings), annotated);
                    break;
                default:
                    TextOutput.WriteDiagnostics(stdout, reported, parse.GetValue(verbose));
                    stderr.WriteLine(Summary.Of(workspaces, findings));
                    break;
            }
            gate.Finish(stderr);

            var failAt = parse.GetValue(strict) ? Severity.Warning : Severity.Error;
            return findings.Any(f => f.Severity >= failAt) ? CliApp.FindingsFailed : CliApp.Ok;
        });
        return command;
    }
}
