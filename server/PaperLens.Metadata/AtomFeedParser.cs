using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Metadata;

/// <summary>Reads an arXiv API response (Atom 1.0 with the opensearch and arxiv namespaces, both the
/// pre-2025 and the current generation) into catalog records. All or nothing: a response that is not
/// a complete, well-formed feed raises <see cref="AtomFeedException"/> and yields no record at all, so a
/// truncated download never reaches the catalog. DTDs are prohibited and nothing external is resolved
/// (no XXE, no entity expansion).</summary>
public static class AtomFeedParser
{
    private const string ErrorIdPrefix = "http://arxiv.org/api/errors";
    private const long MaxCharacters = 64L * 1024 * 1024;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The feed's entries as records from the API, fetched at <paramref name="fetchedAt"/>, in feed order.</summary>
    /// <exception cref="AtomFeedException">The response is not a complete Atom feed, or it is arXiv's error feed.</exception>
    public static IReadOnlyList<PaperRecord> Parse(Stream response, DateTimeOffset fetchedAt)
    {
        var records = new List<PaperRecord>();
        try
        {
            using var reader = XmlReader.Create(response, Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "feed" || reader.NamespaceURI != Atom.NamespaceName)
                throw new AtomFeedException($"the response is not an Atom feed (its root is <{reader.Name}>)");
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "entry" && reader.NamespaceURI == Atom.NamespaceName)
                    records.Add(Record((XElement)XNode.ReadFrom(reader), fetchedAt));
                else
                    reader.Read();
            }
        }
        catch (XmlException e)
        {
            throw new AtomFeedException("the response is not a well-formed Atom feed: " + e.Message, e);
        }
        return records;
    }

    private static PaperRecord Record(XElement entry, DateTimeOffset fetchedAt)
    {
        var entryId = Required(entry, Atom + "id");
        if (entryId.StartsWith(ErrorIdPrefix, StringComparison.Ordinal))
        {
            var reason = Collapse(entry.Element(Atom + "summary")?.Value) ?? entryId[ErrorIdPrefix.Length..].TrimStart('#');
            throw new AtomFeedException("arXiv refused the query: " + reason, isErrorFeed: true);
        }

        var (id, version) = IdOf(entryId) is { Id: { } parsed } result
            ? (parsed, result.Version ?? AlternateLinkVersion(entry))
            : throw new AtomFeedException($"an entry's id '{entryId}' is not an arXiv abstract URL");
        var published = Date(entry, "published");
        var updated = Date(entry, "updated");
        var summary = Collapse(entry.Element(Atom + "summary")?.Value);
        var comment = Collapse(entry.Element(Arxiv + "comment")?.Value);
        return new PaperRecord
        {
            Id = id,
            Title = Collapse(Required(entry, Atom + "title"))!,
            Authors = string.Join(", ", entry.Elements(Atom + "author").Select(a => Collapse(a.Element(Atom + "name")?.Value)).OfType<string>()),
            Abstract = summary,
            Comments = comment,
            JournalRef = Collapse(entry.Element(Arxiv + "journal_ref")?.Value),
            Doi = Collapse(entry.Element(Arxiv + "doi")?.Value),
            Categories = Categories(entry),
            Versions = Versions(version, published, updated),
            // Without a version number the history is only known to start with v1.
            VersionsComplete = version is not null,
            UpdateDate = DateOnly.FromDateTime(updated.UtcDateTime),
            Withdrawn = WithdrawalNotice.IsWithdrawn(comment, summary),
            Source = RecordSource.ArxivApi,
            FetchedAt = fetchedAt,
        };
    }

    /// <summary>The API names the latest version and dates only the first (published) and the latest
    /// (updated): every number up to the latest exists, the dates in between are unknown.</summary>
    private static List<PaperVersion> Versions(int? latest, DateTimeOffset published, DateTimeOffset updated)
    {
        if (latest is not { } last) return [new PaperVersion(1, published)];
        var versions = new List<PaperVersion>(last);
        for (var n = 1; n <= last; n++)
            versions.Add(new PaperVersion(n, n == 1 ? published : n == last ? updated : null));
        return versions;
    }

    private static List<string> Categories(XElement entry)
    {
        var categories = new List<string>();
        if (entry.Element(Arxiv + "primary_category")?.Attribute("term")?.Value is { Length: > 0 } primary) categories.Add(primary);
        foreach (var category in entry.Elements(Atom + "category"))
            if (category.Attribute("term")?.Value is { Length: > 0 } term && !categories.Contains(term)) categories.Add(term);
        return categories;
    }

    /// <summary>The pre-2025 service sometimes gave the entry id without a version; its alternate link has it.</summary>
    private static int? AlternateLinkVersion(XElement entry) =>
        entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "alternate")?.Attribute("href")?.Value is { } href
            ? IdOf(href).Version
            : null;

    private static IdParseResult IdOf(string url)
    {
        var abs = url.IndexOf("/abs/", StringComparison.Ordinal);
        return abs < 0 ? default : ArxivIdParser.Parse(url.AsSpan(abs + "/abs/".Length));
    }

    private static DateTimeOffset Date(XElement entry, string name)
    {
        var text = Required(entry, Atom + name);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : throw new AtomFeedException($"an entry's <{name}> is not a date: '{text}'");
    }

    private static string Required(XElement entry, XName name) =>
        entry.Element(name)?.Value is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new AtomFeedException($"an entry has no <{name.LocalName}>");

    /// <summary>Titles, abstracts and comments come hard-wrapped (and abstracts indented): one space between words.</summary>
    private static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Core.Text.Whitespace.Collapse(text);
    }
}
