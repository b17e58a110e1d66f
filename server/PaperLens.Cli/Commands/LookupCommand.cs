using System.CommandLine;
using System.Text.Json.Serialization;
using PaperLens.Cli.Output;
using PaperLens.Core.Catalog;
using PaperLens.Core.Config;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Presentation;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;
using PaperLens.Metadata;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens lookup ID|QUERY</c>: one paper by id, or a search of the catalog.</summary>
public static class LookupCommand
{
    private const int SearchLimit = 20;

    public static Command Create(TextWriter stdout)
    {
        var query = new Argument<string>("ID|QUERY") { Description = "An arXiv id (2404.16112, arXiv:2404.16112v2, an arXiv URL), or title words, author surnames, a year." };
        var catalog = CommonOptions.Catalog();
        var offline = CommonOptions.Offline();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("lookup", "Show a paper (asking arXiv when the catalog lacks it, unless offline), or search the catalog.") { query, catalog, offline, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(query)!.Trim();
            // The configuration of the directory it runs in, as for check: offline, catalog, arXiv settings.
            var config = PaperLensConfig.Load(Environment.CurrentDirectory);
            using var papers = PaperCatalog.Open(CatalogChoice.Resolve(parse.GetValue(catalog), config.Catalog));
            var now = DateTimeOffset.UtcNow;
            var json = parse.GetValue(format) == "json";

            if (AsId(text) is { } id)
            {
                var options = MetadataOptions.Resolve(config, parse.GetValue(offline), papers.Path);
                await ArxivRefresh.RunAsync(papers, options, [id], parse.InvocationConfiguration.Error, cancellationToken);
                var record = papers.Find(id);
                if (record is null)
                {
                    parse.InvocationConfiguration.Error.WriteLine(papers.IsConfirmedMiss(id)
                        ? $"paperlens: arXiv has no paper {id} (a confirmed miss)"
                        : $"paperlens: {id} is not in the catalog {papers.Path} (import the arXiv snapshot with 'paperlens import')");
                    return CliApp.FindingsFailed;
                }
                if (json) JsonOutput.Write(stdout, new LookupReport([LookupPaper.From(record)]), ReportJson.Readable.LookupReport);
                else WriteFull(stdout, record, now);
                return CliApp.Ok;
            }

            var found = papers.Search(text, SearchLimit);
            if (json) JsonOutput.Write(stdout, new LookupReport(found.Select(LookupPaper.From).ToList()), ReportJson.Readable.LookupReport);
            else foreach (var record in found) WriteLine(stdout, record);
            if (found.Count == 0) parse.InvocationConfiguration.Error.WriteLine($"paperlens: no paper in the catalog matches '{text}'");
            return found.Count == 0 ? CliApp.FindingsFailed : CliApp.Ok;
        });
        return command;
    }

    /// <summary>An id typed as such, or any citation form (<c>arXiv:…</c>, a URL, a DOI).</summary>
    private static ArxivId? AsId(string text) =>
        ArxivIdParser.Parse(text).Id ?? TextCitationFinder.FindIds(text).FirstOrDefault()?.Id;

    private static void WriteFull(TextWriter o, PaperRecord p, DateTimeOffset now)
    {
        o.WriteLine($"{p.Id}  {TexText.ToPlain(p.Title)}");
        o.WriteLine($"  {AuthorList.Short(p.Authors, shown: 5)}");
        var facts = new List<string>();
        if (PaperDates.Submitted(p) is { } submitted) facts.Add($"submitted {DateText.WithAge(submitted, now)}");
        if (p.LatestVersion is { } latest) facts.Add($"v{latest}" + (p.VersionsComplete ? "" : " (later versions unknown)"));
        if (p.Categories.Count > 0) facts.Add(string.Join(" ", p.Categories));
        if (p.Withdrawn) facts.Add("WITHDRAWN");
        o.WriteLine($"  {string.Join(" · ", facts)}");
        if (p.JournalRef is not null) o.WriteLine($"  published: {p.JournalRef}");
        if (p.Doi is not null) o.WriteLine($"  doi: {p.Doi}");
        if (AbstractSummary.FirstSentences(p.Abstract) is { Length: > 0 } summary) o.WriteLine($"  {summary}");
        o.WriteLine($"  {p.Id.AbsUrl}");
    }

    private static void WriteLine(TextWriter o, PaperRecord p)
    {
        var year = PaperDates.Submitted(p)?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var authors = AuthorList.Split(p.Authors);
        var by = authors.Count == 0 ? "" : authors.Count == 1 ? authors[0] : authors[0] + " et al.";
        o.WriteLine($"{p.Id,-18} {TexText.ToPlain(p.Title)} ({by}{(year is null ? "" : ", " + year)})");
    }
}

public sealed record LookupReport([property: JsonPropertyName("papers")] IReadOnlyList<LookupPaper> Papers);

public sealed record LookupPaper(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
    [property: JsonPropertyName("submitted")] DateTimeOffset? Submitted,
    [property: JsonPropertyName("latestVersion")] int? LatestVersion,
    [property: JsonPropertyName("versionsComplete")] bool VersionsComplete,
    [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories,
    [property: JsonPropertyName("journalRef")] string? JournalRef,
    [property: JsonPropertyName("doi")] string? Doi,
    [property: JsonPropertyName("withdrawn")] bool Withdrawn,
    [property: JsonPropertyName("abstract")] string? Abstract,
    [property: JsonPropertyName("url")] string Url)
{
    public static LookupPaper From(PaperRecord p) => new(
        p.Id.Canonical, TexText.ToPlain(p.Title), AuthorList.Split(p.Authors), PaperDates.Submitted(p), p.LatestVersion,
        p.VersionsComplete, p.Categories, p.JournalRef, p.Doi, p.Withdrawn, p.Abstract is null ? null : TexText.ToPlain(p.Abstract), p.Id.AbsUrl);
}
