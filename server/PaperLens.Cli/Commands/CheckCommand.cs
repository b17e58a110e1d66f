using System.CommandLine;
using PaperLens.Cli.Output;
using PaperLens.Core.Rules;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens check [PATH]</c>: the workspace citation check (spec §4, §5).</summary>
public static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "Directory to check (default: the current directory).", DefaultValueFactory = _ => "." };
        var format = CommonOptions.Format("text", "json", "sarif");
        var catalog = CommonOptions.Catalog();
        var offline = CommonOptions.Offline();
        var strict = new Option<bool>("--strict") { Description = "Exit with status 1 on warnings too." };
        var command = new Command("check", "Check every arXiv citation in a repository (asking arXiv about papers the catalog lacks, unless offline).") { path, format, catalog, offline, strict };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var workspace = CheckedWorkspace.Load(parse.GetValue(path)!, parse.GetValue(catalog));
            await workspace.RefreshFromArxivAsync(parse.GetValue(offline), stderr, cancellationToken);
            var findings = workspace.Check();
            var reported = findings.Select(workspace.Locate).ToList();

            switch (parse.GetValue(format))
            {
                case "json":
                    JsonOutput.Write(stdout, new CheckReport(workspace.Scan.FilesScanned, workspace.CitationCount, workspace.Scan.SkippedCount, reported));
                    break;
                case "sarif":
                    var rules = RuleCatalog.All.Select(r => new SarifRule(r.Code, r.Name, r.Description, SeverityNames.ToName(r.DefaultSeverity))).ToList();
                    JsonOutput.Write(stdout, SarifOutput.Build(rules, reported, typeof(CheckCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
                    break;
                default:
                    TextOutput.WriteDiagnostics(stdout, reported);
                    stderr.WriteLine(Summary.Of(workspace, findings));
                    break;
            }

            var failAt = parse.GetValue(strict) ? Severity.Warning : Severity.Error;
            return findings.Any(f => f.Severity >= failAt) ? CliApp.FindingsFailed : CliApp.Ok;
        });
        return command;
    }
}
