using PaperLens.Core;

namespace PaperLens.Metadata;

/// <summary>An arXiv API response that yields no records: not well-formed XML (truncated, an HTML page),
/// not an Atom feed, an entry missing what every entry has, or arXiv's own error feed
/// (<see cref="IsErrorFeed"/>: asking again gives the same answer).</summary>
public sealed class AtomFeedException : PaperLensException
{
    public AtomFeedException(string message, bool isErrorFeed = false) : base(message) => IsErrorFeed = isErrorFeed;

    public AtomFeedException(string message, Exception inner) : base(message, inner) { }

    public bool IsErrorFeed { get; }
}
