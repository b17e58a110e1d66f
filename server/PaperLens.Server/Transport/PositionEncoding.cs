using System.Text;
using PaperLens.Core.Text;
using PaperLens.Server.Protocol;

namespace PaperLens.Server.Transport;

/// <summary>The one place where core offsets (UTF-16) and LSP positions meet. LSP columns are UTF-16
/// code units unless the client accepted UTF-8 in <c>initialize</c>. Out-of-range positions from the
/// client are clamped, never thrown on.</summary>
public sealed class PositionEncoding(bool utf8)
{
    public static readonly PositionEncoding Utf16 = new(false);

    public string Name => utf8 ? "utf-8" : "utf-16";

    public static PositionEncoding Negotiate(IEnumerable<string>? offered) =>
        offered?.Contains("utf-8", StringComparer.OrdinalIgnoreCase) == true ? new PositionEncoding(true) : Utf16;

    public int ToOffset(string text, LineMap lines, Position position)
    {
        if (!utf8 || position.Line < 0 || position.Line >= lines.LineCount) return lines.GetOffset(position.Line, position.Character);
        var lineStart = lines.LineStart(position.Line);
        var lineEnd = lines.LineEnd(position.Line);
        var bytes = 0;
        var offset = lineStart;
        while (offset < lineEnd && bytes < position.Character)
        {
            var width = char.IsHighSurrogate(text[offset]) && offset + 1 < lineEnd ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(offset, width));
            offset += width;
        }
        return offset;
    }

    public Position ToPosition(string? text, LineMap lines, int offset)
    {
        var (line, column) = lines.GetPosition(offset);
        if (!utf8 || text is null) return new Position(line, column);
        var start = lines.LineStart(line);
        return new Position(line, Encoding.UTF8.GetByteCount(text.AsSpan(start, Math.Min(column, text.Length - start))));
    }

    public Protocol.Range ToRange(string? text, LineMap lines, TextSpan span) =>
        new(ToPosition(text, lines, span.Start), ToPosition(text, lines, span.End));
}
