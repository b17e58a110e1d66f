using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace PaperLens.Server.Transport;

/// <summary>Makes the text of a message well formed before it is parsed. System.Text.Json refuses a string
/// holding a lone UTF-16 surrogate escape (<c>\ud83d</c>: what JSON.stringify writes for half an emoji in an
/// editor's buffer) or bytes that are not UTF-8, and StreamJsonRpc then drops the whole message: for a
/// didChange, an edit never applied, after which the server's text differs from the editor's for good.
/// A lone surrogate escape becomes <c>\ufffd</c>, one UTF-16 unit like the surrogate it replaces, so every
/// position after it is still the editor's; invalid bytes become U+FFFD as the workspace reader decodes
/// files.</summary>
public static class WellFormedText
{
    private const int EscapeLength = 6;

    /// <returns>The repaired message, or null when it is well formed already (nearly always). The check is
    /// two vectorised passes over the message, copied first only when it spans buffer segments.</returns>
    public static byte[]? Repair(ReadOnlySequence<byte> body)
    {
        ReadOnlySpan<byte> bytes = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
        byte[]? repaired = null;
        if (!Utf8.IsValid(bytes)) bytes = repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
        for (var i = bytes.IndexOf((byte)'\\'); i >= 0 && i + 1 < bytes.Length;)
        {
            if (bytes[i + 1] != 'u' || CodeUnitAt(bytes, i) is not { } unit)
            {
                // \\, \" and the like: the next character is escaped, never the start of an escape.
                i = Next(bytes, i + 2);
                continue;
            }
            var lone = char.IsLowSurrogate(unit)
                || (char.IsHighSurrogate(unit) && !(CodeUnitAt(bytes, i + EscapeLength) is { } low && char.IsLowSurrogate(low)));
            if (lone)
            {
                repaired ??= bytes.ToArray();
                "fffd"u8.CopyTo(repaired.AsSpan(i + 2));
                bytes = repaired;
            }
            // A pair is passed whole: its low half is not looked at again as a lone one.
            i = Next(bytes, i + (char.IsHighSurrogate(unit) && !lone ? 2 * EscapeLength : EscapeLength));
        }
        return repaired;
    }

    private static int Next(ReadOnlySpan<byte> bytes, int from)
    {
        if (from >= bytes.Length) return -1;
        var next = bytes[from..].IndexOf((byte)'\\');
        return next < 0 ? -1 : from + next;
    }

    /// <summary>The UTF-16 unit of a <c>\uXXXX</c> escape at <paramref name="at"/>, if one is there.</summary>
    private static char? CodeUnitAt(ReadOnlySpan<byte> bytes, int at) =>
        at + EscapeLength <= bytes.Length && bytes[at] == '\\' && bytes[at + 1] == 'u'
            && Utf8Parser.TryParse(bytes.Slice(at + 2, 4), out ushort unit, out var consumed, 'x') && consumed == 4
            ? (char)unit
            : null;
}
