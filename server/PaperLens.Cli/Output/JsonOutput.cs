using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PaperLens.Cli.Commands;

namespace PaperLens.Cli.Output;

public static class JsonOutput
{
    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> type)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, type));
    }
}

/// <summary>The JSON documents the commands print, serialized by generated code rather than reflection,
/// so that the CLI stays trimmable and NativeAOT-safe.</summary>
[JsonSerializable(typeof(CheckReport))]
[JsonSerializable(typeof(CitationsReport))]
[JsonSerializable(typeof(LookupReport))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class ReportJson : JsonSerializerContext
{
    public static ReportJson Readable { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        // Titles and messages carry quotes, accents and CJK; keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
