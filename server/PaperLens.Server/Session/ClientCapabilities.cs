using System.Text.Json;

namespace PaperLens.Server.Session;

/// <summary>The few client capabilities the server acts on, read defensively from the raw JSON.</summary>
public sealed record ClientCapabilities(
    IReadOnlyList<string> PositionEncodings,
    bool PullDiagnostics,
    bool WorkDoneProgress)
{
    /// <summary>The client re-pulls diagnostics on workspace/diagnostic/refresh.</summary>
    public bool DiagnosticRefresh { get; init; }

    /// <summary>The client asks for inlay hints again on workspace/inlayHint/refresh.</summary>
    public bool InlayHintRefresh { get; init; }

    /// <summary>The client lets the server register file watchers (client/registerCapability for
    /// workspace/didChangeWatchedFiles); otherwise the server watches the workspace itself.</summary>
    public bool WatchedFilesRegistration { get; init; }

    public static ClientCapabilities From(JsonElement capabilities)
    {
        var encodings = Get(capabilities, "general", "positionEncodings") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        return new ClientCapabilities(
            encodings,
            Get(capabilities, "textDocument", "diagnostic") is { ValueKind: JsonValueKind.Object },
            Get(capabilities, "window", "workDoneProgress") is { ValueKind: JsonValueKind.True })
        {
            DiagnosticRefresh = Get(capabilities, "workspace", "diagnostics", "refreshSupport") is { ValueKind: JsonValueKind.True },
            InlayHintRefresh = Get(capabilities, "workspace", "inlayHint", "refreshSupport") is { ValueKind: JsonValueKind.True },
            WatchedFilesRegistration = Get(capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration") is { ValueKind: JsonValueKind.True },
        };
    }

    private static JsonElement? Get(JsonElement element, params string[] path)
    {
        foreach (var key in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element)) return null;
        }
        return element;
    }
}
