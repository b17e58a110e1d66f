using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperLens.Benchmarks;

/// <summary>What one benchmark mode measured: timings, context facts and the headline ratio.</summary>
internal sealed record BenchmarkResult(
    string Name,
    IReadOnlyList<Timing> Timings,
    IReadOnlyDictionary<string, object> Facts,
    double? Ratio,
    string RatioMeaning)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Name);
        var width = Math.Max(10, Timings.Max(t => t.Name.Length));
        output.WriteLine($"  {"command".PadRight(width)}  {"median s",9}  {"min s",8}  {"max s",8}  runs");
        foreach (var timing in Timings)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {timing.Name.PadRight(width)}  {timing.Median,9:F3}  {timing.Min,8:F3}  {timing.Max,8:F3}  {timing.Seconds.Count}"));
        }
        foreach (var (key, value) in Facts) output.WriteLine($"  {key}: {Convert.ToString(value, CultureInfo.InvariantCulture)}");
        output.WriteLine(Ratio is { } ratio
            ? string.Create(CultureInfo.InvariantCulture, $"  ratio: {ratio:F2}  ({RatioMeaning})")
            : "  ratio: n/a (paperlens not measured)");
    }

    /// <returns>The path of the JSON file written.</returns>
    public string Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Name + ".json");
        var document = new
        {
            name = Name,
            measured_at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            timings = Timings.Select(t => new { command = t.Name, median_seconds = t.Median, seconds = t.Seconds }),
            facts = Facts,
            ratio = Ratio,
            ratio_meaning = RatioMeaning,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
