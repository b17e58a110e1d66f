using System.Buffers;
using System.Text;

namespace PaperLens.Core.Scanning;

/// <summary>A set of ASCII words searched for in UTF-8 bytes before they are decoded: whether a file holds
/// any text its scanner reacts to. Most files of a repository cite nothing, and for them the search is the
/// whole cost of the scan: no string, no parse.</summary>
/// <remarks>The search is vectorised over one rare byte of each word (its anchor: the <c>x</c> of
/// <c>arxiv</c>, the <c>/</c> of <c>hf.co/papers</c>), and only the few places holding an anchor are
/// compared with the words. A word is ASCII, and a UTF-8 byte below 0x80 is always the character itself,
/// so a word in the decoded text is the same word in the bytes: the answer is the one the scanners' own
/// search over the decoded text gives (<see cref="TextCitationFinder.Markers"/> ignores case ordinally,
/// which maps no other character onto an ASCII letter).</remarks>
internal sealed class Utf8Markers
{
    // From common to rare in prose and code: the anchor is the rarest byte of a word.
    private const string Rarity = " etaoinsrhldcumfpgwybvk._:-/0123456789jqzx@";

    private readonly Word[] _words;
    private readonly SearchValues<byte> _anchors;

    /// <param name="anyCase">Words matched whatever the ASCII letter case.</param>
    /// <param name="exactCase">Words matched only as written.</param>
    public Utf8Markers(IEnumerable<string> anyCase, IEnumerable<string> exactCase)
    {
        _words = [.. anyCase.Select(w => Word.Of(w, ignoreCase: true)), .. exactCase.Select(w => Word.Of(w, ignoreCase: false))];
        _anchors = SearchValues.Create(_words.SelectMany(w => w.AnchorBytes).Distinct().ToArray());
    }

    /// <summary>Whether <paramref name="utf8"/> holds one of the words.</summary>
    public bool In(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (true)
        {
            var found = utf8[offset..].IndexOfAny(_anchors);
            if (found < 0) return false;
            var at = offset + found;
            foreach (var word in _words)
                if (word.At(utf8, at)) return true;
            offset = at + 1;
        }
    }

    private sealed record Word(byte[] Bytes, int Anchor, bool IgnoreCase)
    {
        public static Word Of(string text, bool ignoreCase)
        {
            if (text.Length == 0 || !Ascii.IsValid(text))
                throw new ArgumentException($"a marker is a non-empty ASCII word: '{text}'", nameof(text));
            var bytes = Encoding.ASCII.GetBytes(ignoreCase ? text.ToLowerInvariant() : text);
            var anchor = 0;
            for (var i = 1; i < bytes.Length; i++)
                if (Rank(bytes[i]) > Rank(bytes[anchor])) anchor = i;
            return new Word(bytes, anchor, ignoreCase);
        }

        private static int Rank(byte b) => Rarity.IndexOf((char)b);

        public IEnumerable<byte> AnchorBytes
        {
            get
            {
                var b = Bytes[Anchor];
                yield return b;
                if (IgnoreCase && char.IsAsciiLetterLower((char)b)) yield return (byte)char.ToUpperInvariant((char)b);
            }
        }

        /// <summary>Whether this word stands in <paramref name="utf8"/> with its anchor at <paramref name="at"/>.</summary>
        public bool At(ReadOnlySpan<byte> utf8, int at)
        {
            var start = at - Anchor;
            if (start < 0 || start + Bytes.Length > utf8.Length) return false;
            var candidate = utf8.Slice(start, Bytes.Length);
            return IgnoreCase ? Ascii.EqualsIgnoreCase(candidate, Bytes) : candidate.SequenceEqual(Bytes);
        }
    }
}
