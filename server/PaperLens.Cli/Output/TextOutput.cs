namespace PaperLens.Cli.Output;

/// <summary>Compiler-style lines (spec §5): <c>path:line:col: severity CODE: message</c>.</summary>
public static class TextOutput
{
    public static void WriteDiagnostics(TextWriter writer, IEnumerable<ReportedDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            writer.WriteLine($"{d.Path}:{d.Line}:{d.Column}: {d.Severity} {d.Code}: {d.Message}");
    }

    public static void WriteCitations(TextWriter writer, IEnumerable<ReportedCitation> citations)
    {
        foreach (var c in citations)
        {
            var what = c.Id is null ? c.Form == "citekey" ? "unresolved key" : "malformed" : c.Id + (c.Version is { } v ? $"v{v}" : "");
            var title = c.Title is null ? "" : $" \"{c.Title}\"";
            writer.WriteLine($"{c.Path}:{c.Line}:{c.Column}: {c.Form} {what}{title}");
        }
    }
}
