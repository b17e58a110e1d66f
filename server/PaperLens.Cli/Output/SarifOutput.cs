using System.Text.Json.Nodes;

namespace PaperLens.Cli.Output;

public sealed record SarifRule(string Id, string Name, string Description, string DefaultSeverity);

/// <summary>SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rule table in the driver,
/// locations relative to %SRCROOT% (the checked directory), columns in UTF-16 code units, and each result's
/// baseline key as a partial fingerprint, so that an alert is tracked across commits that move its line.</summary>
public static class SarifOutput
{
    private const string InformationUri = "https://github.com/paperlens/paperlens";

    /// <summary>Versioned, as SARIF asks of fingerprint names: a change to what the key holds is a new version.</summary>
    public const string FingerprintName = "paperlensFinding/v1";

    public static JsonObject Build(IReadOnlyList<SarifRule> rules, IEnumerable<ReportedDiagnostic> diagnostics, string version)
    {
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var results = new JsonArray();
        foreach (var d in diagnostics)
        {
            var result = new JsonObject
            {
                ["ruleId"] = d.Code,
                ["level"] = Level(d.Severity),
                ["message"] = new JsonObject { ["text"] = d.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = Uri.EscapeDataString(d.Path).Replace("%2F", "/"), ["uriBaseId"] = "%SRCROOT%" },
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = d.Line,
                            ["startColumn"] = d.Column,
                            ["endLine"] = d.EndLine,
                            ["endColumn"] = d.EndColumn,
                        },
                    },
                }),
            };
            if (ruleIndex.TryGetValue(d.Code, out var index)) result["ruleIndex"] = index;
            if (d.Fingerprint is not null) result["partialFingerprints"] = new JsonObject { [FingerprintName] = d.Fingerprint };
            if (d.Id is not null) result["properties"] = new JsonObject { ["arxivId"] = d.Id };
            // As a JsonNode: the generic Add<T> would be free to serialize any T through reflection.
            results.Add((JsonNode)result);
        }

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "PaperLens",
                        ["semanticVersion"] = version,
                        ["informationUri"] = InformationUri,
                        ["rules"] = new JsonArray(rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = r.Id,
                            ["name"] = r.Name,
                            ["shortDescription"] = new JsonObject { ["text"] = r.Description },
                            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(r.DefaultSeverity) },
                        }).ToArray()),
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["originalUriBaseIds"] = new JsonObject
                {
                    ["%SRCROOT%"] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The checked directory." } },
                },
                ["results"] = results,
            }),
        };
    }

    // SARIF has no hint/information levels; "note" is the level for both.
    private static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "off" => "none",
        _ => "note",
    };
}
