namespace PaperLens.Core.Scanning.Notebook;

/// <summary>Turns byte offsets of the UTF-8 encoding of a string (what the JSON reader reports) into
/// UTF-16 offsets of the string (what the core works in). Queries come in increasing order, so one
/// forward pass over the text serves them all.</summary>
internal sealed class Utf8Offsets
{
    private readonly string _text;
    private readonly int _first;
    private int _byte;
    private int _char;

    /// <param name="first">Where the encoded part of the text starts (after a byte order mark).</param>
    public Utf8Offsets(string text, int first)
    {
        _text = text;
        _first = first;
        _char = first;
    }

    public int ToCharOffset(int byteOffset)
    {
        if (byteOffset < _byte) (_byte, _char) = (0, _first);
        while (_byte < byteOffset && _char < _text.Length)
        {
            var c = _text[_char];
            if (char.IsHighSurrogate(c) && _char + 1 < _text.Length && char.IsLowSurrogate(_text[_char + 1]))
            {
                _byte += 4;
                _char += 2;
                continue;
            }
            // A lone surrogate was encoded as U+FFFD: three bytes, like the rest of the BMP above U+07FF.
            _byte += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            _char++;
        }
        return _char;
    }
}
