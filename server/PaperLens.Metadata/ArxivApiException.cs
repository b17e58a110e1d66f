using PaperLens.Core;

namespace PaperLens.Metadata;

/// <summary>arXiv could not be asked, or did not answer usefully, after the retries allowed: the
/// message says what went wrong the last time (a timeout, a status, a response that is not a feed).
/// <see cref="Transient"/> faults (the network, an overloaded service) may pass; a refusal (an error
/// feed, a 4xx) will be repeated for the same query.</summary>
public sealed class ArxivApiException : PaperLensException
{
    public ArxivApiException(string message, bool transient) : base(message) => Transient = transient;

    public ArxivApiException(string message, bool transient, Exception inner) : base(message, inner) => Transient = transient;

    public bool Transient { get; }
}
