using System.Globalization;
using System.Text.Json;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>Reads one paper in the arXiv snapshot layout (one JSON object, as UTF-8) into a
/// <see cref="PaperRecord"/>. Keys outside the layout (<c>verified</c>, <c>source</c> in the seed) are
/// ignored; an absent <c>versions_complete</c> means complete; null stays null. The withdrawn flag is
/// decided here, from the withdrawal notice in the comments or abstract.</summary>
internal static class SnapshotRecordParser
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    /// <summary>The record, or null with the reason the text is not a usable record.</summary>
    public static PaperRecord? Parse(ReadOnlySpan<byte> json, RecordSource source, DateTimeOffset fetchedAt, out string? error)
    {
        try
        {
            error = null;
            return Read(json, source, fetchedAt);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message.Split(" LineNumber:")[0] + $" (at byte {ex.BytePositionInLine ?? 0})";
        }
        catch (BadRecord ex)
        {
            error = ex.Message;
        }
        return null;
    }

    private static PaperRecord Read(ReadOnlySpan<byte> json, RecordSource source, DateTimeOffset fetchedAt)
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new BadRecord("not a JSON object");

        string? id = null, submitter = null, authors = null, title = null, comments = null, journalRef = null;
        string? doi = null, reportNo = null, categories = null, license = null, @abstract = null, updateDate = null;
        List<PaperVersion>? versions = null;
        List<AuthorName>? authorsParsed = null;
        var versionsComplete = true;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) id = String(ref reader, "id");
            else if (reader.ValueTextEquals("submitter"u8)) submitter = String(ref reader, "submitter");
            else if (reader.ValueTextEquals("authors"u8)) authors = String(ref reader, "authors");
            else if (reader.ValueTextEquals("title"u8)) title = String(ref reader, "title");
            else if (reader.ValueTextEquals("comments"u8)) comments = String(ref reader, "comments");
            else if (reader.ValueTextEquals("journal-ref"u8)) journalRef = String(ref reader, "journal-ref");
            else if (reader.ValueTextEquals("doi"u8)) doi = String(ref reader, "doi");
            else if (reader.ValueTextEquals("report-no"u8)) reportNo = String(ref reader, "report-no");
            else if (reader.ValueTextEquals("categories"u8)) categories = String(ref reader, "categories");
            else if (reader.ValueTextEquals("license"u8)) license = String(ref reader, "license");
            else if (reader.ValueTextEquals("abstract"u8)) @abstract = String(ref reader, "abstract");
            else if (reader.ValueTextEquals("update_date"u8)) updateDate = String(ref reader, "update_date");
            else if (reader.ValueTextEquals("versions"u8)) versions = Versions(ref reader);
            else if (reader.ValueTextEquals("authors_parsed"u8)) authorsParsed = AuthorsParsed(ref reader);
            else if (reader.ValueTextEquals("versions_complete"u8)) versionsComplete = Boolean(ref reader, "versions_complete") ?? true;
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new BadRecord("the JSON object is not closed");
        // Anything after the object (a second object, stray text) makes the reader throw here.
        if (reader.Read()) throw new BadRecord("more than one JSON value on the line");

        if (id is null) throw new BadRecord("no 'id'");
        var parsedId = ArxivIdParser.Parse(id);
        if (parsedId.Id is null) throw new BadRecord($"id '{id}': {parsedId.Error}");
        if (title is null) throw new BadRecord($"{id}: no 'title'");
        if (authors is null) throw new BadRecord($"{id}: no 'authors'");

        DateOnly? updated = null;
        if (updateDate is not null)
        {
            if (!SnapshotDates.TryParseUpdateDate(updateDate, out var date))
                throw new BadRecord($"{id}: update_date '{updateDate}' is not YYYY-MM-DD");
            updated = date;
        }

        return new PaperRecord
        {
            Id = parsedId.Id,
            Title = title,
            Authors = authors,
            Abstract = @abstract,
            Submitter = submitter,
            Comments = comments,
            JournalRef = journalRef,
            Doi = doi,
            ReportNo = reportNo,
            Categories = categories is null ? [] : categories.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            License = license,
            Versions = versions ?? [],
            VersionsComplete = versionsComplete,
            UpdateDate = updated,
            AuthorsParsed = authorsParsed,
            Withdrawn = WithdrawalNotice.IsWithdrawn(comments, @abstract),
            Source = source,
            FetchedAt = fetchedAt,
        };
    }

    private static string? String(ref Utf8JsonReader reader, string key)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new BadRecord($"'{key}' is not a string"),
        };
    }

    private static bool? Boolean(ref Utf8JsonReader reader, string key)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw new BadRecord($"'{key}' is not true or false"),
        };
    }

    private static List<PaperVersion>? Versions(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new BadRecord("'versions' is not an array");
        var versions = new List<PaperVersion>(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? version = null, created = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8)) version = String(ref reader, "version");
                else if (reader.ValueTextEquals("created"u8)) created = String(ref reader, "created");
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            versions.Add(Version(version, created));
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new BadRecord("'versions' holds something other than version objects");
        return versions;
    }

    private static PaperVersion Version(string? version, string? created)
    {
        if (version is null || version.Length < 2 || (version[0] != 'v' && version[0] != 'V')
            || !int.TryParse(version.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            throw new BadRecord($"version '{version}' is not vN");
        if (created is null) return new PaperVersion(number, null);
        if (!SnapshotDates.TryParseRfc1123(created, out var date))
            throw new BadRecord($"{version}: created '{created}' is not an RFC 1123 date");
        return new PaperVersion(number, date);
    }

    private static List<AuthorName>? AuthorsParsed(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new BadRecord("'authors_parsed' is not an array");
        var authors = new List<AuthorName>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            string last = "", first = "", suffix = "";
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var part = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString()!,
                    JsonTokenType.Null => "",
                    _ => throw new BadRecord("'authors_parsed' holds something other than name parts"),
                };
                switch (index++)
                {
                    case 0: last = part; break;
                    case 1: first = part; break;
                    case 2: suffix = part; break;
                }
            }
            authors.Add(new AuthorName(last, first, suffix));
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new BadRecord("'authors_parsed' holds something other than name lists");
        return authors;
    }

    private sealed class BadRecord(string reason) : Exception(reason);
}
