using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PaperLens.Cli.Commands;

namespace PaperLens.Cli.Output;

public static class JsonOutput
{
    // What is written before a drain: far less than a report of 100,000 findings (34 MB), whose text
    // and its UTF-8 bytes were once the peak of a check's memory.
    private const int DrainAt = 64 * 1024;

    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> type)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, type));
    }

    /// <summary>The JSON document of <c>paperlens check --format json</c> (spec §5), the same bytes as
    /// serialising it whole, written to <paramref name="writer"/> as the findings are enumerated.</summary>
    public static void WriteCheckReport(TextWriter writer, int files, int citations, int skipped, IEnumerable<ReportedDiagnostic> diagnostics)
    {
        var context = ReportJson.Readable;
        var options = context.Options;
        var buffer = new ArrayBufferWriter<byte>(DrainAt * 2);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            Encoder = options.Encoder,
        });
        json.WriteStartObject();
        json.WriteNumber("files", files);
        json.WriteNumber("citations", citations);
        json.WriteNumber("skipped", skipped);
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            JsonSerializer.Serialize(json, diagnostic, context.ReportedDiagnostic);
            if (json.BytesPending + buffer.WrittenCount >= DrainAt) Drain(json, buffer, writer);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        Drain(json, buffer, writer);
        writer.WriteLine();
    }

    // A flush ends at a token's end, so the bytes drained are whole UTF-8 characters.
    private static void Drain(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter writer)
    {
        json.Flush();
        var bytes = buffer.WrittenSpan;
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        var count = Encoding.UTF8.GetChars(bytes, chars);
        writer.Write(chars, 0, count);
        ArrayPool<char>.Shared.Return(chars);
        buffer.ResetWrittenCount();
    }
}

/// <summary>The JSON documents the commands print, serialized by generated code rather than reflection,
/// so that the CLI stays trimmable and NativeAOT-safe.</summary>
[JsonSerializable(typeof(ReportedDiagnostic))]
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
