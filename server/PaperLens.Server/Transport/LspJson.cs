using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PaperLens.Server.Protocol;

namespace PaperLens.Server.Transport;

public static class LspJson
{
    /// <summary>The dispatch table's params and results, with the formatter's settings; a params object
    /// missing a member its record's constructor requires is invalid params, not a half-built record.</summary>
    public static LspJsonContext Context { get; } = CreateContext();

    /// <summary>Applied to StreamJsonRpc's System.Text.Json formatter: absent rather than null members
    /// (several clients reject <c>"range": null</c>), and readable non-ASCII text.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.PropertyNameCaseInsensitive = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    private static LspJsonContext CreateContext()
    {
        var options = new JsonSerializerOptions { RespectRequiredConstructorParameters = true };
        Configure(options);
        return new LspJsonContext(options);
    }
}
