namespace PaperLens.Core.Scanning.Notebook;

/// <summary>Turns byte offsets of the UTF-8 encoding of a string (what the JSON reader reports) into
/// UTF-16 offsets of the string (what the core works in). Queries come in increasing order, so one
/// forward pass over the text serves them all.</summary>
internal sealed class Utf8Offsets(string text)
{
    private int _byte;
    private int _char;

    public int ToCharOffset(int byteOffset)
    {
        if (byteOffset < _byte) (_byte, _char) = (0, 0);
        while (_byte < byteOffset && _char < text.Length)
        {
            var c = text[_char];
            if (char.IsHighSurrogate(c) && _char + 1 < text.Length && char.IsLowSurrogate(text[_char + 1]))
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
