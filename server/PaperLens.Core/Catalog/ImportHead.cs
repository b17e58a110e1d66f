namespace PaperLens.Core.Catalog;

/// <summary>What the first bytes of a file say about it, for <see cref="IPaperImporter.RecognisesContent"/>.</summary>
internal static class ImportHead
{
    private static ReadOnlySpan<byte> Blank => [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];

    /// <summary>The first byte that is neither whitespace nor part of a UTF-8 BOM, or -1 if there is none.</summary>
    public static int FirstSignificantByte(ReadOnlySpan<byte> head)
    {
        var rest = head.TrimStart(Blank);
        return rest.IsEmpty ? -1 : rest[0];
    }
}
