using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

/// <summary>A record with everything derived from it that a write needs: its stored row and the plain
/// text of its title and authors for the full-text index. Preparing is pure work on one record, so an
/// import does it on another thread than the one writing to SQLite.</summary>
internal sealed record PreparedRecord(PaperRecord Record, PaperRow Row, string PlainTitle, string PlainAuthors)
{
    public static PreparedRecord Of(PaperRecord record) =>
        new(record, PaperRowCodec.Encode(record), TexText.ToPlain(record.Title), TexText.ToPlain(record.Authors));
}
