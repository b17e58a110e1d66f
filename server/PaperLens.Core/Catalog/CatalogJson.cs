using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLens.Core.Catalog;

/// <summary>The JSON the catalog hands SQLite (id and key lists for <c>json_each</c>, a paper's
/// completion tokens) and reads from a snapshot array, source-generated: the native binary has no
/// reflection to build it at run time.</summary>
[JsonSerializable(typeof(IEnumerable<string>))]
[JsonSerializable(typeof(IEnumerable<long>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CatalogJson : JsonSerializerContext;
