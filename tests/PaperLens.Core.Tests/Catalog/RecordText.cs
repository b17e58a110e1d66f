using System.Text.Json;
using PaperLens.Core.Catalog;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>A record as JSON, lists included, for comparing two records field by field
/// (a record's own equality compares its lists by reference).</summary>
internal static class RecordText
{
    public static string Of(PaperRecord? record) => JsonSerializer.Serialize(record);

    public static string WithoutFetchTime(PaperRecord? record) => Of(record is null ? null : record with { FetchedAt = default });
}
