using System.Text.Json;
using PaperLens.Core.Completion;
using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

/// <summary>A record with everything derived from it that a write needs: its stored row, the plain text
/// of its title and authors for the full-text index, and its completion score and tokens. Preparing is
/// pure work on one record, so an import does it on other threads than the one writing to SQLite.</summary>
internal sealed record PreparedRecord(
    PaperRecord Record,
    PaperRow Row,
    string PlainTitle,
    string PlainAuthors,
    long Score,
    IReadOnlyCollection<string> Tokens,
    string TokensJson)
{
    public static PreparedRecord Of(PaperRecord record)
    {
        var title = TexText.ToPlain(record.Title);
        var authors = TexText.ToPlain(record.Authors);
        var tokens = CompletionText.PaperTokens(record.Id, title, authors);
        return new PreparedRecord(record, PaperRowCodec.Encode(record), title, authors,
            CompletionText.Score(record.Id), tokens, JsonSerializer.Serialize(tokens));
    }
}
