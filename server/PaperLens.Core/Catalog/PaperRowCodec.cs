using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>Converts between <see cref="PaperRecord"/> and its stored <see cref="PaperRow"/>. Encoding is
/// canonical (versions sorted, dates in one format, empty lists stored as NULL), so decoding a row and
/// encoding it again gives the same row: that is what makes "unchanged" detectable.</summary>
internal static class PaperRowCodec
{
    private const string UpdateDateFormat = "yyyy-MM-dd";
    // The creation times of the versions as catalogs before version strings were compact wrote them.
    private const string CreatedFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string FetchedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    // authors_parsed stored as this: the names are DerivedAuthorNames.Of(authors). JSON is never empty.
    private const string DerivedAuthors = "";

    // Keeps authors_parsed readable in the sqlite3 shell (Balázs, not Bal\u00e1zs).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic] private static ArrayBufferWriter<byte>? jsonBuffer;
    [ThreadStatic] private static Utf8JsonWriter? jsonWriter;
    [ThreadStatic] private static StringBuilder? versionsText;

    public static string SourceName(RecordSource source) => source switch
    {
        RecordSource.Bundled => "bundled",
        RecordSource.Snapshot => "snapshot",
        RecordSource.ArxivApi => "arxiv-api",
        RecordSource.Bibtex => "bibtex",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static string FormatFetchedAt(DateTimeOffset at) =>
        at.UtcDateTime.ToString(FetchedAtFormat, CultureInfo.InvariantCulture);

    public static PaperRow Encode(PaperRecord record) => new(
        record.Id.Canonical,
        record.Title,
        record.Authors,
        record.StoredAbstract?.ForStorage(),
        record.Submitter,
        record.Comments,
        record.JournalRef,
        record.Doi,
        record.ReportNo,
        record.Categories.Count == 0 ? null : string.Join(' ', record.Categories),
        record.License,
        EncodeVersions(record.Versions),
        record.VersionsComplete,
        record.UpdateDate?.ToString(UpdateDateFormat, CultureInfo.InvariantCulture),
        EncodeAuthorsParsed(record.Authors, record.AuthorsParsed),
        record.Withdrawn,
        SourceName(record.Source),
        FormatFetchedAt(record.FetchedAt));

    public static PaperRecord Decode(PaperRow row) => new()
    {
        Id = ArxivId.Of(row.Id),
        Title = row.Title,
        Authors = row.Authors,
        StoredAbstract = row.Abstract,
        Submitter = row.Submitter,
        Comments = row.Comments,
        JournalRef = row.JournalRef,
        Doi = row.Doi,
        ReportNo = row.ReportNo,
        Categories = row.Categories is { } c ? c.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
        License = row.License,
        Versions = DecodeVersions(row.Versions),
        VersionsComplete = row.VersionsComplete,
        UpdateDate = row.UpdateDate is { } d ? DateOnly.ParseExact(d, UpdateDateFormat, CultureInfo.InvariantCulture) : null,
        AuthorsParsed = row.AuthorsParsed switch
        {
            null => null,
            DerivedAuthors => DerivedAuthorNames.Of(row.Authors),
            var json => DecodeAuthors(json),
        },
        Withdrawn = row.Withdrawn,
        Source = row.Source switch
        {
            "bundled" => RecordSource.Bundled,
            "arxiv-api" => RecordSource.ArxivApi,
            "bibtex" => RecordSource.Bibtex,
            _ => RecordSource.Snapshot,
        },
        FetchedAt = DateTimeOffset.ParseExact(row.FetchedAt, FetchedAtFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
    };

    /// <summary>The history as <c>1:1175541522 2:1179922800</c>: each version's number and creation time
    /// (Unix seconds; nothing after the colon when unknown), in version order. A fifth of the JSON the
    /// catalog wrote before (<c>[{"version":"v1","created":"2007-04-02T19:18:42Z"}]</c>, still read), and
    /// written by hand: this runs once per imported record.</summary>
    private static string EncodeVersions(IReadOnlyList<PaperVersion> versions)
    {
        var text = versionsText ??= new StringBuilder(64);
        text.Clear();
        var sorted = versions;
        for (var i = 1; i < versions.Count; i++)
        {
            if (versions[i].Number > versions[i - 1].Number) continue;
            sorted = versions.OrderBy(v => v.Number).ToList();
            break;
        }
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(CultureInfo.InvariantCulture, $"{sorted[i].Number}").Append(':');
            if (sorted[i].Created is { } created) text.Append(CultureInfo.InvariantCulture, $"{created.ToUnixTimeSeconds()}");
        }
        return text.ToString();
    }

    /// <summary>NULL when the record has no parsed names, <see cref="DerivedAuthors"/> when they are what
    /// its authors text implies (<see cref="DerivedAuthorNames"/>), else JSON <c>[[last, first, suffix], ...]</c>
    /// (what catalogs before the empty text wrote for every record, still read).</summary>
    private static string? EncodeAuthorsParsed(string authors, IReadOnlyList<AuthorName>? parsed) => parsed switch
    {
        null => null,
        _ when DerivedAuthorNames.Match(authors, parsed) => DerivedAuthors,
        _ => EncodeAuthors(parsed),
    };

    private static string EncodeAuthors(IReadOnlyList<AuthorName> authors)
    {
        return WriteJson(authors, static (writer, list) =>
        {
            writer.WriteStartArray();
            foreach (var author in list)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(author.Last);
                writer.WriteStringValue(author.First);
                writer.WriteStringValue(author.Suffix);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        });
    }

    private static string WriteJson<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = jsonBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = jsonWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        write(writer, value);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static PaperVersion[] DecodeVersions(string text)
    {
        if (text.StartsWith('[')) return DecodeJsonVersions(text);
        var versions = new List<PaperVersion>(2);
        foreach (var range in text.AsSpan().Split(' '))
        {
            var version = text.AsSpan()[range];
            if (version.IsEmpty) continue;
            var colon = version.IndexOf(':');
            var number = int.Parse(version[..colon], NumberStyles.None, CultureInfo.InvariantCulture);
            var seconds = version[(colon + 1)..];
            versions.Add(new PaperVersion(number, seconds.IsEmpty
                ? null
                : DateTimeOffset.FromUnixTimeSeconds(long.Parse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))));
        }
        return versions.ToArray();
    }

    private static PaperVersion[] DecodeJsonVersions(string json)
    {
        using var document = JsonDocument.Parse(json);
        var versions = new PaperVersion[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var number = int.Parse(element.GetProperty("version").GetString().AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
            var created = element.GetProperty("created") is { ValueKind: JsonValueKind.String } c
                ? DateTimeOffset.ParseExact(c.GetString()!, CreatedFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
                : (DateTimeOffset?)null;
            versions[i++] = new PaperVersion(number, created);
        }
        return versions;
    }

    private static AuthorName[] DecodeAuthors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var authors = new AuthorName[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
            authors[i++] = new AuthorName(element[0].GetString()!, element[1].GetString()!, element[2].GetString()!);
        return authors;
    }
}
