using System.Text;

namespace PaperLens.Core.Catalog;

/// <summary>A fixed list of texts (some null) encoded as UTF-8 into one buffer, to be bound to SQLite as
/// they are. An import encodes a record's texts on the threads that prepare it: bound as strings, each
/// would be encoded on the one thread that writes, where it was a fifth of that thread's time.</summary>
internal sealed class EncodedText
{
    private readonly byte[] bytes;
    private readonly (int Start, int Length)[] spans;

    public EncodedText(params ReadOnlySpan<string?> texts)
    {
        var size = 0;
        foreach (var text in texts) size += text is null ? 0 : Encoding.UTF8.GetByteCount(text);
        bytes = new byte[size];
        spans = new (int, int)[texts.Length];
        var used = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is not { } text)
            {
                spans[i] = (-1, 0);
                continue;
            }
            var length = Encoding.UTF8.GetBytes(text, bytes.AsSpan(used));
            spans[i] = (used, length);
            used += length;
        }
    }

    /// <summary>Text <paramref name="index"/> as UTF-8 (empty for a null text).</summary>
    public ReadOnlySpan<byte> Utf8(int index)
    {
        var (start, length) = spans[index];
        return start < 0 ? [] : bytes.AsSpan(start, length);
    }

    /// <summary>Binds text <paramref name="index"/> (NULL for a null text) to parameter <paramref name="parameter"/>.</summary>
    public void Bind(RawStatement statement, int parameter, int index)
    {
        var (start, length) = spans[index];
        if (start < 0) statement.BindNull(parameter);
        else statement.Bind(parameter, bytes.AsSpan(start, length));
    }
}
