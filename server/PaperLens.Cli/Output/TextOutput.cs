using System.Globalization;
using Humanizer;
using PaperLens.Core.Rules;

namespace PaperLens.Cli.Output;

/// <summary>Compiler-style lines (spec §5): <c>path:line:col: severity CODE: message</c>, and in a
/// notebook <c>(cell N, line M)</c> after it (spec §3).</summary>
public static class TextOutput
{
    /// <param name="verbose">Every not-in-catalog finding on its own line; otherwise they are summed up in
    /// one line, since offline a repository can have thousands and they would bury the real problems.</param>
    public static void WriteDiagnostics(TextWriter writer, IReadOnlyList<ReportedDiagnostic> diagnostics, bool verbose)
    {
        var notInCatalog = RuleCatalog.NotInCatalog.Code;
        foreach (var d in diagnostics)
        {
            if (verbose || d.Code != notInCatalog)
                writer.WriteLine($"{d.Path}:{d.Line}:{d.Column}: {d.Severity} {d.Code}: {d.Message}{InCell(d.Cell, d.CellLine)}");
        }
        var missing = diagnostics.Where(d => d.Code == notInCatalog).ToList();
        if (!verbose && missing.Count > 0)
            writer.WriteLine(NotInCatalog(missing.Count, missing.Select(d => d.Id).Distinct().Count()));
    }

    public static void WriteCitations(TextWriter writer, IEnumerable<ReportedCitation> citations)
    {
        foreach (var c in citations)
        {
            var what = c.Id is null ? c.Form == "citekey" ? "unresolved key" : "malformed" : c.Id + (c.Version is { } v ? $"v{v}" : "");
            var title = c.Title is null ? "" : $" \"{c.Title}\"";
            writer.WriteLine($"{c.Path}:{c.Line}:{c.Column}: {c.Form} {what}{title}{InCell(c.Cell, c.CellLine)}");
        }
    }

    /// <summary>The spec's wording and its thousands separators whatever the user's locale.</summary>
    private static string NotInCatalog(int citations, int papers) =>
        $"{"citation".ToQuantity(citations, "N0", CultureInfo.InvariantCulture)} of {"paper".ToQuantity(papers, "N0", CultureInfo.InvariantCulture)} " +
        $"{(citations == 1 ? "is" : "are")} not in the local catalog: run the check online or import a snapshot";

    /// <summary>A notebook place's cell and line in it, after the file's line and column; empty elsewhere.</summary>
    public static string InCell(int? cell, int? line) => cell is null ? "" : $" (cell {cell}, line {line})";
}
