using System.Diagnostics;

namespace PaperLens.Benchmarks;

/// <summary>Latencies of many runs of one operation, in milliseconds, summarised by nearest-rank percentiles.</summary>
internal sealed record Latency(IReadOnlyList<double> Milliseconds)
{
    public int Count => Milliseconds.Count;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Max => Milliseconds.Max();

    public double Percentile(double fraction)
    {
        var sorted = Milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Times <paramref name="run"/> <paramref name="runs"/> times, stopping early once the runs
    /// so far took <paramref name="budget"/> (slow baselines would otherwise take minutes).</summary>
    public static Latency Measure(int runs, TimeSpan budget, Action<int> run)
    {
        var times = new List<double>(runs);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < runs && (i == 0 || total.Elapsed < budget); i++)
        {
            var clock = Stopwatch.StartNew();
            run(i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Latency(times);
    }

    public static async Task<Latency> MeasureAsync(int runs, Func<int, Task> run)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run(i).ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Latency(times);
    }
}
