namespace PaperLens.Cli;

/// <summary>Reports on the thread that reports: <see cref="Progress{T}"/> would post each report to the
/// thread pool, and the progress displays are safe to call from the working thread.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
