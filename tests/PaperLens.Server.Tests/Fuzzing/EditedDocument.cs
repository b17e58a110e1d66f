using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>One replacement in a document, as offsets into its text before the change (UTF-16).</summary>
public sealed record TextChange(int Start, int End, string Text);

/// <summary>The text a client holds, and the didChange notifications that tell the server of its edits:
/// ranges in the client's position encoding (UTF-16 code units, or UTF-8 bytes), over lines that end at
/// \n, \r\n or \r, as LSP counts them.</summary>
public sealed class EditedDocument(string uri, string text, bool utf8)
{
    public string Uri { get; } = uri;

    public string Text { get; private set; } = text;

    public int Version { get; private set; } = 1;

    /// <summary>What an edit inserts: citations in every form, line ends of every kind, characters of
    /// every UTF-16 and UTF-8 width, combining marks, a BOM, and (UTF-16 clients only) lone surrogates.</summary>
    public static Gen<string> Piece(bool utf8) => Gen.Frequency(
        (6, Gen.OneOfConst("arXiv:2404.16112", "arXiv:2012.07436", "https://arxiv.org/abs/1409.3215", "arXiv:2313.00752", "arXiv:2312.00752", "[@zhou2021]",
            "\"Informer: Beyond Efficient Transformer\" arXiv:2012.07436", "- [Sequence to Sequence Learning with Neural Networks](https://arxiv.org/abs/1409.3215)")),
        (6, Gen.OneOfConst(" ", "notes ", "x", "\t", "# ", "`", "```\n")),
        (5, Gen.OneOfConst("\n", "\r\n", "\r")),
        (3, Gen.OneOfConst("🙂", "𝔘", "e\u0301", "中文", "\uFEFF", "\u2028", "é")),
        (utf8 ? 0 : 1, Gen.OneOfConst("\uD83D", "\uDE42")));

    /// <summary>A change at a random place of the current text: a span replaced by a few pieces; now and
    /// then the whole text. Offsets are moved off the middle of a \r\n and of a surrogate pair, which no
    /// LSP position can name.</summary>
    private Gen<TextChange> Change => Gen.Select(Gen.Double.Unit, Gen.Int[0, 12], Piece(utf8).Array[0, 4], Gen.Int[0, 40], (at, length, pieces, whole) =>
    {
        var inserted = string.Concat(pieces);
        if (whole == 0) return new TextChange(0, Text.Length, inserted);
        var start = Boundary((int)(at * Text.Length));
        return new TextChange(start, Boundary(Math.Min(Text.Length, start + length)), inserted);
    });

    /// <summary>Makes <paramref name="count"/> random changes, each to the text the one before left, and
    /// returns the one didChange that tells the server; a change of the whole text is sent without a range.</summary>
    public string Edit(PCG random, int count)
    {
        var contentChanges = new JsonArray();
        var texts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (start, end, text) = Change.Generate(random, null, out _);
            var change = new JsonObject();
            if (start != 0 || end != Text.Length) change["range"] = new JsonObject { ["start"] = Position(start), ["end"] = Position(end) };
            change["text"] = Frames.TextSlot(i);
            contentChanges.Add(change);
            texts.Add(text);
            Text = string.Concat(Text.AsSpan(0, start), text, Text.AsSpan(end));
        }
        Version++;
        var message = Frames.Notification("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = Version },
            ["contentChanges"] = contentChanges,
        });
        return Frames.WithTexts(message, texts);
    }

    /// <summary>The didOpen of the current text, as a fresh server gets it.</summary>
    public string Open() => Open(Uri, Version, Text);

    public static string Open(string uri, int version, string text) => Frames.WithTexts(Frames.Notification("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = version, ["text"] = Frames.TextSlot(0) },
    }), [text]);

    private int Boundary(int offset)
    {
        while (offset > 0 && offset < Text.Length && (Text[offset - 1] == '\r' && Text[offset] == '\n' || char.IsHighSurrogate(Text[offset - 1]) && char.IsLowSurrogate(Text[offset])))
            offset--;
        return offset;
    }

    private JsonObject Position(int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (Text[i] == '\n' || Text[i] == '\r' && (i + 1 >= Text.Length || Text[i + 1] != '\n'))
            {
                line++;
                lineStart = i + 1;
            }
        }
        var column = Text.AsSpan(lineStart, offset - lineStart);
        return new JsonObject { ["line"] = line, ["character"] = utf8 ? Encoding.UTF8.GetByteCount(column) : column.Length };
    }
}
