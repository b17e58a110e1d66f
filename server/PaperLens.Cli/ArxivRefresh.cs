using Humanizer;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Metadata;
using Spectre.Console;

namespace PaperLens.Cli;

/// <summary>Before a command reads the catalog: asks arXiv about the ids the catalog cannot answer for
/// (unknown, stale, an expired miss), in paced batches, with a progress bar on stderr when stderr is a
/// terminal. Offline it does nothing at all. A fault is one line on stderr, never a failure: the ids it
/// left unknown are reported as not in the catalog (PL009) and asked about again next time.</summary>
public static class ArxivRefresh
{
    public static async Task RunAsync(PaperCatalog catalog, MetadataOptions options, IEnumerable<ArxivId> ids, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (options.Offline) return;
        using var service = new MetadataService(catalog, options);
        var needed = service.NeedingFetch(ids);
        if (needed.Count == 0) return;

        var report = Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error)
            ? await service.FetchAsync(needed, null, cancellationToken).ConfigureAwait(false)
            : await WithProgressBar(stderr, progress => service.FetchAsync(needed, progress, cancellationToken)).ConfigureAwait(false);
        if (report.Failed.Count > 0)
            stderr.WriteLine($"paperlens: could not ask arXiv about {"paper".ToQuantity(report.Failed.Count)}: {report.Problem}; " +
                             "they stay 'not in catalog' and are asked about again next time");
    }

    // Each search waits its turn of three seconds: a check asks about this many titles at most, the
    // rest on the next run.
    private const int MostTitleSearches = 10;

    /// <summary>After the check: one arXiv title search for each title claim that matched neither its
    /// paper nor any paper the catalog knows (spec §2, end). True when the searches brought records, so
    /// the check is worth running again.</summary>
    public static async Task<bool> SearchTitlesAsync(PaperCatalog catalog, MetadataOptions options, IReadOnlyCollection<string> titles, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (options.Offline || titles.Count == 0) return false;
        using var service = new MetadataService(catalog, options);
        var report = await service.SearchClaimedTitlesAsync(titles, MostTitleSearches, cancellationToken).ConfigureAwait(false);
        if (report.Problem is not null)
            stderr.WriteLine($"paperlens: could not search arXiv for a claimed title: {report.Problem}; the search is tried again next time");
        return report.Found > 0;
    }

    private static Task<FetchReport> WithProgressBar(TextWriter stderr, Func<IProgress<FetchProgress>, Task<FetchReport>> fetch)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr), Interactive = InteractionSupport.Yes });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("asking arXiv", maxValue: 1);
                var report = await fetch(new InlineProgress<FetchProgress>(p =>
                {
                    task.MaxValue = Math.Max(p.Total, 1);
                    task.Value = p.Done;
                    task.Description = $"asking arXiv: {p.Done:N0} of {"paper".ToQuantity(p.Total, "N0")}";
                })).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return report;
            });
    }
}
