using System.Text.Json.Serialization;

namespace PaperLens.Cli.Output;

/// <summary>A finding located by 1-based line and UTF-16 column, as every output format shows it; in a
/// notebook also by 1-based cell and line within it, omitted elsewhere.</summary>
public sealed record ReportedDiagnostic(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("endLine")] int EndLine,
    [property: JsonPropertyName("endColumn")] int EndColumn,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("cell"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Cell,
    [property: JsonPropertyName("cellLine"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CellLine)
{
    /// <summary>The finding's baseline key as a SARIF partial fingerprint, when the report carries one; not
    /// part of the JSON report.</summary>
    [JsonIgnore]
    public string? Fingerprint { get; init; }
}

public sealed record ReportedCitation(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("endLine")] int EndLine,
    [property: JsonPropertyName("endColumn")] int EndColumn,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("form")] string Form,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("authors")] string? Authors,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("cell"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Cell,
    [property: JsonPropertyName("cellLine"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CellLine);

/// <summary>The JSON document of <c>paperlens citations --format json</c> (spec §5).</summary>
public sealed record CitationsReport([property: JsonPropertyName("citations")] IReadOnlyList<ReportedCitation> Citations);
