namespace PaperLens.Benchmarks;

/// <summary>Repeated wall-time measurements of one command, summarised by the median (robust to a
/// single slow run on a shared machine).</summary>
internal sealed record Timing(string Name, IReadOnlyList<double> Seconds)
{
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Seconds.Min();

    public double Max => Seconds.Max();
}
