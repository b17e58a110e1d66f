using System.CommandLine;
using PaperLens.Cli.Output;
using PaperLens.Core.Citations;
using PaperLens.Core.Rules;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens citations [PATH]</c>: every citation, pandoc keys resolved (spec §5).</summary>
public static class CitationsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var path = new Argument<string>("PATH") { Description = "Directory to scan (default: the current directory).", DefaultValueFactory = _ => "." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("citations", "List every arXiv citation in a repository.") { path, format };
        command.SetAction(parse =>
        {
            using var workspace = CheckedWorkspace.Load(parse.GetValue(path)!, catalogPath: null, openCatalog: false);
            var resolver = new CiteKeyResolver(workspace.Scan.Documents);
            var rows = workspace.Scan.Documents
                .SelectMany(document => resolver.Resolve(document).Select(citation => workspace.Locate(document.Path, citation)))
                .ToList();
            if (parse.GetValue(format) == "json") JsonOutput.Write(stdout, new CitationsReport(rows));
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
