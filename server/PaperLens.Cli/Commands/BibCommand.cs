using System.CommandLine;
using PaperLens.Core.Bibliography;
using PaperLens.Core.Catalog;
using PaperLens.Core.Config;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Scanning;
using PaperLens.Metadata;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens bib ID...|PATH... [--cited]</c> (spec §5): BibTeX entries from the catalog, in
/// arXiv's export layout (<see cref="BibtexEntryWriter"/>), asking arXiv for the papers it lacks unless
/// offline. For ids, or with <c>--cited</c> for every paper cited under the paths, in order of first
/// citation, each paper a workspace .bib names keeping that entry's key. A paper neither the catalog nor
/// arXiv has is one line on stderr and exit status 1; the others are still written.</summary>
public static class BibCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var arguments = new Argument<string[]>("ID|PATH")
        {
            Description = "arXiv ids (2312.00752, arXiv:2312.00752, an arXiv URL); with --cited, directories or files whose cited papers to write (default: the current directory).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var cited = new Option<bool>("--cited") { Description = "Write every paper cited under PATH..., keeping the keys of the workspace's .bib entries." };
        var style = new Option<string>("--style")
        {
            Description = "bibtex: arXiv's @misc layout; biblatex: @online with date, eprinttype and eprintclass.",
            DefaultValueFactory = _ => "bibtex",
            HelpName = "bibtex|biblatex",
        };
        style.AcceptOnlyFromAmong("bibtex", "biblatex");
        var catalog = CommonOptions.Catalog();
        var offline = CommonOptions.Offline();
        var command = new Command("bib", "Print BibTeX entries for papers, or for every paper a repository cites (--cited).")
        {
            arguments, cited, style, catalog, offline,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var written = parse.GetValue(style) == "biblatex" ? BibliographyStyle.Biblatex : BibliographyStyle.Bibtex;
            var given = parse.GetValue(arguments) ?? [];
            var missing = 0;
            var entries = new List<string>();
            if (parse.GetValue(cited))
            {
                var keys = new List<Core.Citations.BibEntry>();
                foreach (var target in WorkspaceTarget.From(given.Length == 0 ? ["."] : given))
                {
                    using var workspace = CheckedWorkspace.Load(target, parse.GetValue(catalog));
                    foreach (var unread in workspace.Unread()) stderr.WriteLine($"paperlens: {unread}");
                    await workspace.RefreshFromArxivAsync(parse.GetValue(offline), stderr, cancellationToken);
                    keys.AddRange(workspace.Scan.Documents.SelectMany(d => d.BibEntries));
                    missing += Write(entries, stderr, workspace.OpenCatalog, workspace.CitedIds.ToList(), new CiteKeys(keys), written);
                }
            }
            else
            {
                var ids = Ids(given);
                var config = PaperLensConfig.Load(Environment.CurrentDirectory);
                using var papers = PaperCatalog.Open(CatalogChoice.Resolve(parse.GetValue(catalog), config.Catalog));
                var options = MetadataOptions.Resolve(config, parse.GetValue(offline), papers.Path);
                await ArxivRefresh.RunAsync(papers, options, ids, stderr, cancellationToken);
                missing = Write(entries, stderr, papers, ids, new CiteKeys([]), written);
            }
            // Entries apart by a blank line, as in a .bib written by hand.
            stdout.Write(string.Join("\n", entries));
            return missing > 0 ? CliApp.FindingsFailed : CliApp.Ok;
        });
        return command;
    }

    /// <summary>Every argument as an id, in any form arXiv accepts or a citation form; anything else is a usage error.</summary>
    private static List<ArxivId> Ids(string[] arguments)
    {
        if (arguments.Length == 0) throw new CliException("bib needs arXiv ids, or --cited and paths");
        return arguments.Select(argument =>
            ArxivIdParser.Parse(argument.Trim()).Id
            ?? TextCitationFinder.FindIds(argument).FirstOrDefault()?.Id
            ?? throw new CliException(Path.Exists(argument)
                ? $"{argument} is a path, not an arXiv id: add --cited for the papers it cites"
                : $"{argument} is not an arXiv id"))
            .Distinct()
            .ToList();
    }

    /// <summary>Adds the entries of the papers the catalog has to <paramref name="entries"/>.</summary>
    /// <returns>How many of the papers the catalog lacks.</returns>
    private static int Write(List<string> entries, TextWriter stderr, PaperCatalog papers, IReadOnlyList<ArxivId> ids, CiteKeys keys, BibliographyStyle style)
    {
        var records = papers.FindMany(ids);
        var missing = 0;
        foreach (var id in ids)
        {
            if (!records.TryGetValue(id, out var paper))
            {
                missing++;
                stderr.WriteLine(papers.IsConfirmedMiss(id)
                    ? $"paperlens: arXiv has no paper {id} (a confirmed miss)"
                    : $"paperlens: {id} is not in the catalog {papers.Path} (run online, or import the arXiv snapshot with 'paperlens import')");
                continue;
            }
            entries.Add(BibtexEntryWriter.Write(paper, keys.For(paper), style));
        }
        return missing;
    }
}
