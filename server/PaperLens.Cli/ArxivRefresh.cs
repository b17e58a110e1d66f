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
