using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PaperLens.Core.Scanning.Notebook;

/// <summary>Reads a notebook's cells and language with System.Text.Json's reader, which reports where
/// each token is, so that every cell source can be mapped back to the .ipynb text.</summary>
internal static class NotebookReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <returns>The cells, and the language from metadata.kernelspec.language or
    /// metadata.language_info.name (null when the metadata names none).</returns>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static (List<NotebookCell> Cells, string? Language) Read(string text)
    {
        // A byte order mark that survived decoding is no JSON; the reader starts after it.
        var first = text.StartsWith('\uFEFF') ? 1 : 0;
        var json = text.AsSpan(first);
        // Only the reader needs the bytes, and a notebook's outputs make it large: the buffer is lent.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetByteCount(json)));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Read(new Utf8JsonReader(buffer.AsSpan(0, length), Options), text, new Utf8Offsets(text, first));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (List<NotebookCell> Cells, string? Language) Read(Utf8JsonReader reader, string text, Utf8Offsets offsets)
    {
        var cells = new List<NotebookCell>();
        string? language = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (cells, null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "cells" && reader.TokenType == JsonTokenType.StartArray)
                ReadCells(ref reader, text, offsets, cells);
            else if (name == "metadata" && reader.TokenType == JsonTokenType.StartObject)
            {
                using var metadata = JsonDocument.ParseValue(ref reader);
                language = Language(metadata.RootElement);
            }
            else
                reader.Skip();
        }
        return (cells, language);
    }

    private static void ReadCells(ref Utf8JsonReader reader, string text, Utf8Offsets offsets, List<NotebookCell> cells)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) ReadCell(ref reader, text, offsets, index, cells);
            else reader.Skip();
            index++;
        }
    }

    private static void ReadCell(ref Utf8JsonReader reader, string text, Utf8Offsets offsets, int index, List<NotebookCell> cells)
    {
        var type = "";
        var quotes = new List<int>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "cell_type" && reader.TokenType == JsonTokenType.String)
                type = reader.GetString() ?? "";
            else if (name == "source" && reader.TokenType == JsonTokenType.String)
                quotes.Add(offsets.ToCharOffset((int)reader.TokenStartIndex));
            else if (name == "source" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String) quotes.Add(offsets.ToCharOffset((int)reader.TokenStartIndex));
                    else reader.Skip();
                }
            }
            else
                reader.Skip();
        }
        var source = new StringBuilder();
        var map = new SourceMap(quotes.Count > 0 ? quotes[0] + 1 : 0);
        foreach (var quote in quotes) JsonStringDecoder.Decode(text, quote, source, map);
        cells.Add(new NotebookCell(index, type, source.ToString(), map));
    }

    private static string? Language(JsonElement metadata)
    {
        if (metadata.TryGetProperty("kernelspec", out var kernel) && kernel.ValueKind == JsonValueKind.Object
            && kernel.TryGetProperty("language", out var language) && language.ValueKind == JsonValueKind.String)
            return language.GetString();
        if (metadata.TryGetProperty("language_info", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            return name.GetString();
        return null;
    }
}
