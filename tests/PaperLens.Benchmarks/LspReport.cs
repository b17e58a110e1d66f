using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperLens.Benchmarks;

/// <summary>One figure of the language-server benchmark: what the server took, the raw SQLite query it
/// stands on (when there is one), and the issue's goal.</summary>
internal sealed record LspFigure(string Name, string Unit, double Typical, double Worst, int Runs,
    double? RawTypical, double? RawWorst, int? RawRuns, string Goal, bool? GoalMet);

/// <summary>What a server mode measured (<c>lsp</c>, <c>concurrent-checks</c>): a table of figures plus
/// context facts, printed and saved as DIR/MODE.json.</summary>
internal sealed record LspReport(IReadOnlyList<LspFigure> Figures, IReadOnlyDictionary<string, object> Facts, string OutputDirectory, string Mode = "lsp")
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{Mode} (typical = p50 or median, worst = p99 or max; raw = the SQLite query alone)");
        var width = Math.Max(10, Figures.Max(f => f.Name.Length));
        output.WriteLine($"  {"figure".PadRight(width)}  {"unit",4}  {"typical",9}  {"worst",9}  {"runs",5}  {"raw typ",9}  {"raw worst",9}  {"runs",5}  goal");
        foreach (var f in Figures)
        {
            var raw = f.RawTypical is { } typical
                ? string.Create(CultureInfo.InvariantCulture, $"{typical,9:F3}  {f.RawWorst,9:F3}  {f.RawRuns,5}")
                : $"{"",9}  {"",9}  {"",5}";
            var verdict = f.GoalMet switch { true => "met", false => "MISSED", null => "" };
            var row = string.Create(CultureInfo.InvariantCulture,
                $"  {f.Name.PadRight(width)}  {f.Unit,4}  {f.Typical,9:F3}  {f.Worst,9:F3}  {f.Runs,5}  {raw}  {f.Goal} {verdict}");
            output.WriteLine(row.TrimEnd());
        }
        foreach (var (key, value) in Facts) output.WriteLine($"  {key}: {Convert.ToString(value, CultureInfo.InvariantCulture)}");
    }

    /// <returns>The path of the JSON file written.</returns>
    public string Save()
    {
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, Mode + ".json");
        var document = new
        {
            name = Mode,
            measured_at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            figures = Figures.Select(f => new
            {
                figure = f.Name,
                unit = f.Unit,
                typical = Math.Round(f.Typical, 3),
                worst = Math.Round(f.Worst, 3),
                runs = f.Runs,
                raw_typical = f.RawTypical is { } t ? Math.Round(t, 3) : (double?)null,
                raw_worst = f.RawWorst is { } w ? Math.Round(w, 3) : (double?)null,
                raw_runs = f.RawRuns,
                goal = f.Goal,
                goal_met = f.GoalMet,
            }),
            facts = Facts,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
