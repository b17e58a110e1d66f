using Microsoft.Data.Sqlite;

namespace PaperLens.Core.Catalog;

/// <summary>One row of the <c>papers</c> table exactly as stored. Two records are the same paper data
/// when their rows are equal apart from <see cref="FetchedAt"/>, which is how an import tells an unchanged
/// record from an updated one without a field-by-field comparison.</summary>
internal sealed record PaperRow(
    string Id,
    string Title,
    string Authors,
    StoredAbstract? Abstract,
    string? Submitter,
    string? Comments,
    string? JournalRef,
    string? Doi,
    string? ReportNo,
    string? Categories,
    string? License,
    string Versions,
    bool VersionsComplete,
    string? UpdateDate,
    string? AuthorsParsed,
    bool Withdrawn,
    string Source,
    string FetchedAt)
{
    /// <summary>The stored columns in the order <see cref="Read"/> expects them.</summary>
    public const string Columns =
        "id, title, authors, abstract, submitter, comments, journal_ref, doi, report_no, categories, license, " +
        "versions, versions_complete, update_date, authors_parsed, withdrawn, source, fetched_at";

    /// <summary>The parameter names matching <see cref="Columns"/>, for INSERT ... VALUES.</summary>
    public const string Parameters =
        "$id, $title, $authors, $abstract, $submitter, $comments, $journal_ref, $doi, $report_no, $categories, $license, " +
        "$versions, $versions_complete, $update_date, $authors_parsed, $withdrawn, $source, $fetched_at";

    public const string Assignments =
        "title = $title, authors = $authors, abstract = $abstract, submitter = $submitter, comments = $comments, " +
        "journal_ref = $journal_ref, doi = $doi, report_no = $report_no, categories = $categories, license = $license, " +
        "versions = $versions, versions_complete = $versions_complete, update_date = $update_date, " +
        "authors_parsed = $authors_parsed, withdrawn = $withdrawn, source = $source, fetched_at = $fetched_at";

    public bool SameContent(PaperRow other) => this == other with { FetchedAt = FetchedAt };

    /// <summary>Reads the <see cref="Columns"/> starting at column <paramref name="first"/>.</summary>
    public static PaperRow Read(SqliteDataReader reader, int first)
    {
        string? Text(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        return new PaperRow(
            reader.GetString(first),
            reader.GetString(first + 1),
            reader.GetString(first + 2),
            reader.IsDBNull(first + 3) ? null : StoredAbstract.FromColumn(reader.GetValue(first + 3)),
            Text(4),
            Text(5),
            Text(6),
            Text(7),
            Text(8),
            Text(9),
            Text(10),
            reader.GetString(first + 11),
            reader.GetInt64(first + 12) != 0,
            Text(13),
            Text(14),
            reader.GetInt64(first + 15) != 0,
            reader.GetString(first + 16),
            reader.GetString(first + 17));
    }

    /// <summary>Adds one parameter per column, in <see cref="Columns"/> order, for <see cref="Bind"/> to fill.</summary>
    public static void DeclareParameters(SqliteCommand command)
    {
        foreach (var name in Parameters.Split(", ")) command.Parameters.Add(new SqliteParameter { ParameterName = name });
    }

    /// <summary>Fills the parameters <see cref="DeclareParameters"/> added, by position: the command is
    /// prepared once and bound once per row of an import.</summary>
    public void Bind(SqliteCommand command)
    {
        var p = command.Parameters;
        p[0].Value = Id;
        p[1].Value = Title;
        p[2].Value = Authors;
        p[3].Value = Abstract?.ColumnValue ?? DBNull.Value;
        p[4].Value = Nullable(Submitter);
        p[5].Value = Nullable(Comments);
        p[6].Value = Nullable(JournalRef);
        p[7].Value = Nullable(Doi);
        p[8].Value = Nullable(ReportNo);
        p[9].Value = Nullable(Categories);
        p[10].Value = Nullable(License);
        p[11].Value = Versions;
        p[12].Value = VersionsComplete ? 1L : 0L;
        p[13].Value = Nullable(UpdateDate);
        p[14].Value = Nullable(AuthorsParsed);
        p[15].Value = Withdrawn ? 1L : 0L;
        p[16].Value = Source;
        p[17].Value = FetchedAt;
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
}
