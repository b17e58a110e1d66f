using System.CommandLine;
using PaperLens.Cli.Output;
using PaperLens.Core.Citations;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens citations [PATH...]</c>: every citation, pandoc keys resolved (spec §5).</summary>
public static class CitationsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = CommonOptions.Paths("scan");
        var format = CommonOptions.Format("text", "json");
        var command = new Command("citations", "List every arXiv citation in a repository.") { paths, format };
        command.SetAction(parse =>
        {
            var rows = new List<ReportedCitation>();
            foreach (var target in WorkspaceTarget.From(parse.GetValue(paths)!))
            {
                using var workspace = CheckedWorkspace.Load(target, catalogOption: null, openCatalog: false);
                foreach (var unread in workspace.Unread()) stderr.WriteLine($"paperlens: {unread}");
                rows.AddRange(workspace.Documents.SelectMany(document =>
                    workspace.Keys.Resolve(document).Select(citation => workspace.Locate(document.Path, citation))));
            }
            if (parse.GetValue(format) == "json") JsonOutput.Write(stdout, new CitationsReport(rows), ReportJson.Readable.CitationsReport);
            else TextOutput.WriteCitations(stdout, rows);
            return CliApp.Ok;
        });
        return command;
    }

    public static string FormName(CitationForm form) => form switch
    {
        CitationForm.Prefix => "prefix",
        CitationForm.Url => "url",
        CitationForm.Doi => "doi",
        CitationForm.Bibtex => "bibtex",
        CitationForm.CiteKey => "citekey",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };
}
