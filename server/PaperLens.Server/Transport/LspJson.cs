using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLens.Server.Transport;

public static class LspJson
{
    /// <summary>Applied to StreamJsonRpc's System.Text.Json formatter: absent rather than null members
    /// (several clients reject <c>"range": null</c>), and readable non-ASCII text.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.PropertyNameCaseInsensitive = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
