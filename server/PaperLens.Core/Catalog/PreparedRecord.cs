using System.Globalization;
using System.Text.Json;
using PaperLens.Core.Completion;
using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

/// <summary>A record with everything derived from it that a write needs: its stored row and its texts
/// in UTF-8 (<see cref="RowText"/>), and what indexing it needs (<see cref="Index"/>). Preparing is pure
/// work on one record, so an import does it on other threads than the one writing to SQLite.</summary>
internal sealed record PreparedRecord(PaperRecord Record, PaperRow Row, EncodedText RowText, PreparedIndexEntry Index)
{
    // The 1-based positions, in PaperRow.Parameters, of the row's texts in RowText; 4 is the abstract,
    // compressed or not, and 13 and 16 are the two flags.
    private static readonly int[] RowTextParameters = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 17, 18];
    private const int AbstractParameter = 4;

    public static PreparedRecord Of(PaperRecord record)
    {
        var row = PaperRowCodec.Encode(record);
        var text = new EncodedText(
            row.Id, row.Title, row.Authors, row.Submitter, row.Comments, row.JournalRef, row.Doi, row.ReportNo,
            row.Categories, row.License, row.Versions, row.UpdateDate, row.AuthorsParsed, row.Source, row.FetchedAt);
        return new PreparedRecord(record, row, text, PreparedIndexEntry.Of(record));
    }

    /// <summary>Binds the row to a statement whose parameters are <see cref="PaperRow.Parameters"/>, by position.</summary>
    public void BindRow(RawStatement statement)
    {
        for (var i = 0; i < RowTextParameters.Length; i++) RowText.Bind(statement, RowTextParameters[i], i);
        switch (Row.Abstract?.ColumnValue)
        {
            case byte[] compressed: statement.BindBlob(AbstractParameter, compressed); break;
            case string text: statement.Bind(AbstractParameter, text); break;
            default: statement.BindNull(AbstractParameter); break;
        }
        statement.Bind(13, Row.VersionsComplete ? 1L : 0L);
        statement.Bind(16, Row.Withdrawn ? 1L : 0L);
    }
}

/// <summary>What the full-text and completion indexes need of a paper: its plain-text title and authors,
/// id and year (<see cref="Text"/>, in UTF-8, in the order of the <c>papers_fts</c> columns, then its
/// completion tokens as a JSON array) and its completion score. Kept apart from the row, which a
/// batch no longer needs once inserted, while its index entries wait for the end of the batch.</summary>
internal sealed record PreparedIndexEntry(long Score, EncodedText Text)
{
    public const int FtsTexts = 4;
    public const int TokensText = 4;

    public static PreparedIndexEntry Of(PaperRecord record)
    {
        var title = TexText.ToPlain(record.Title);
        var authors = TexText.ToPlain(record.Authors);
        var (tokens, score) = CompletionText.PaperEntry(record.Id, title, authors);
        var text = new EncodedText(title, authors, record.Id.Canonical, record.Id.Year.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(tokens, CatalogJson.Default.IEnumerableString));
        return new PreparedIndexEntry(score, text);
    }
}
