using System.Diagnostics;
using Humanizer;
using PaperLens.Core.Catalog;
using Spectre.Console;

namespace PaperLens.Cli.Commands;

/// <summary>Shows an import's progress on stderr: on a terminal, a bar with the records read, their rate,
/// the share of the file and the time left; otherwise (a log, a pipe, a test) one plain line when the
/// first batch is committed and then at most every <see cref="PlainInterval"/>, each saying how far the
/// catalog holds the file (so a log shows where a rerun would continue), and one when the file is read
/// and the completion index is being built.</summary>
internal static class ImportProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    public static ImportResult Run(TextWriter stderr, string name, Func<IProgress<ImportProgress>, ImportResult> import)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return console.Profile.Capabilities.Interactive ? WithBar(console, name, import) : WithLines(stderr, name, import);
    }

    private static ImportResult WithBar(IAnsiConsole console, string name, Func<IProgress<ImportProgress>, ImportResult> import) =>
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: 1);
                var clock = Stopwatch.StartNew();
                var result = import(new InlineProgress<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(p.TotalBytes, 1);
                    task.Value = p.BytesRead;
                    var seconds = clock.Elapsed.TotalSeconds;
                    task.Description = Markup.Escape($"{name} {p.Records:N0} records" + (seconds > 0.5 ? $" ({p.Records / seconds:N0}/s)" : "")
                                                     + (p.Indexing ? ", indexing for completion" : ""));
                }));
                task.Value = task.MaxValue;
                return result;
            });

    private static ImportResult WithLines(TextWriter stderr, string name, Func<IProgress<ImportProgress>, ImportResult> import)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? lastLine = null;
        long startBytes = -1, shownLine = -1;
        return import(new InlineProgress<ImportProgress>(p =>
        {
            if (startBytes < 0)
            {
                startBytes = p.BytesRead;
                if (p.ResumedAfter > 0) stderr.WriteLine($"{name}: resuming after line {p.ResumedAfter:N0}, where an interrupted import stopped");
            }
            if (p.Indexing)
            {
                stderr.WriteLine($"{name}: read to the end ({p.Records:N0} records); indexing for completion");
                return;
            }
            var committedNow = p.CommittedLine > Math.Max(p.ResumedAfter, shownLine);
            if (!committedNow || (lastLine is { } last && clock.Elapsed - last < PlainInterval)) return;
            lastLine = clock.Elapsed;
            shownLine = p.CommittedLine;
            var seconds = clock.Elapsed.TotalSeconds;
            var bytesPerSecond = (p.BytesRead - startBytes) / seconds;
            var left = bytesPerSecond > 0 ? TimeSpan.FromSeconds(Math.Ceiling((p.TotalBytes - p.BytesRead) / bytesPerSecond)) : (TimeSpan?)null;
            stderr.WriteLine($"{name}: committed to line {p.CommittedLine:N0}, {100.0 * p.BytesRead / Math.Max(p.TotalBytes, 1):0}% read, " +
                             $"{p.Records / seconds:N0} records/s" + (left is { } l ? $", about {l.Humanize()} left" : ""));
        }));
    }
}
