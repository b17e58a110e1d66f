using System.Text.Json;
using PaperLens.Core.Catalog;
using PaperLens.Core.Config;
using PaperLens.Core.Rules;

namespace PaperLens.Server.Session;

/// <summary>What the server runs with: the workspace's <c>.paperlens.json</c>, overridden key by key by
/// the client's settings (initializationOptions, workspace/didChangeConfiguration: the same keys), and by
/// the command line. <see cref="Config"/> holds the merged result for what reads a whole configuration
/// (the workspace walk, how arXiv is reached).</summary>
public sealed record ServerSettings
{
    public required RuleSettings Rules { get; init; }
    public required string CatalogPath { get; init; }
    public bool Offline { get; init; }
    public bool InlayHints { get; init; } = true;
    public PaperLensConfig Config { get; init; } = PaperLensConfig.Default;

    public static ServerSettings Resolve(string? workspaceRoot, JsonElement? clientSettings, string? catalogFromCommandLine, bool offlineFromCommandLine)
    {
        var file = workspaceRoot is null ? PaperLensConfig.Default : PaperLensConfig.Load(workspaceRoot);
        var client = clientSettings is { ValueKind: JsonValueKind.Object } element
            ? PaperLensConfig.FromJson(element, "client settings", workspaceRoot)
            : PaperLensConfig.Default;

        var rules = RuleSettings.FromConfig(file);
        foreach (var (code, severity) in client.Rules) rules = rules.With(code, severity);
        var offline = offlineFromCommandLine || (client.Offline ?? file.Offline ?? false);
        return new ServerSettings
        {
            Rules = rules,
            CatalogPath = catalogFromCommandLine ?? client.Catalog ?? file.Catalog ?? CatalogPaths.Default(),
            Offline = offline,
            InlayHints = client.InlayHints ?? file.InlayHints ?? true,
            Config = file with
            {
                Include = client.Include.Count > 0 ? client.Include : file.Include,
                Exclude = client.Exclude.Count > 0 ? client.Exclude : file.Exclude,
                Offline = offline,
                ArxivApi = client.ArxivApi ?? file.ArxivApi,
                RecordMaxAge = client.RecordMaxAge ?? file.RecordMaxAge,
                MissMaxAge = client.MissMaxAge ?? file.MissMaxAge,
            },
        };
    }
}
