using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace PaperLens.Core.Catalog;

/// <summary>A paper's abstract as the catalog stores it: Brotli-compressed UTF-8 (a BLOB) or plain text
/// (TEXT: catalogs written before abstracts were compressed, and abstracts too short to gain from it).
/// The column's storage type says which, so older catalogs are read as they are, without a migration
/// that would rewrite every row. Decompressed on first use of <see cref="Text"/>: a check, a completion
/// list or a title search reads many records and shows no abstract.</summary>
/// <remarks>Two stored abstracts are equal when their texts are, whatever their storage: an import tells
/// an unchanged record by its row (<see cref="PaperRow.SameContent"/>), and a record compressed now must
/// equal the same record stored as text by an older PaperLens.</remarks>
internal sealed class StoredAbstract : IEquatable<StoredAbstract>
{
    // Measured on 5,000 gen_snapshot.py abstracts (930 bytes of UTF-8 on average), CPU time per abstract
    // on the 2-core machine: quality 1 -> 568 bytes in 12 us, 2 -> 561 in 14 us, 3 -> 542 in 21-25 us,
    // 5 -> 497 in 60-75 us, 11 -> 412 in 3.5 ms; Deflate at levels 3-6 (a stream: no one-call API), 525
    // bytes in 19-23 us. Decompressing takes 5-8 us at any of them. An import compresses every abstract
    // on the threads that prepare records, which share two cores with the writing one: at 2.8M papers
    // each microsecond is 2.8 s of CPU, and quality 3 would cost 30 s more than 2 to save 1% of the file.
    // An abstract needs no window beyond 64 KiB.
    private const int Quality = 2;
    private const int WindowBits = 16;

    private readonly byte[]? compressed;
    private string? text;

    private StoredAbstract(string? text, byte[]? compressed)
    {
        this.text = text;
        this.compressed = compressed;
    }

    /// <summary>The abstract's text, decompressed once.</summary>
    public string Text => text ??= Decompress(compressed!);

    /// <summary>What goes into the <c>abstract</c> column: the compressed bytes, or the text.</summary>
    public object ColumnValue => compressed is { } bytes ? bytes : Text;

    /// <summary>An abstract read from the catalog or an import, as plain text.</summary>
    public static StoredAbstract Plain(string text) => new(text, null);

    /// <summary>The <c>abstract</c> column's value as SQLite returned it: a BLOB is compressed, TEXT plain.</summary>
    public static StoredAbstract FromColumn(object value) => value switch
    {
        byte[] bytes => new StoredAbstract(null, bytes),
        string text => Plain(text),
        _ => throw new InvalidDataException($"an abstract stored as {value.GetType().Name}"),
    };

    /// <summary>This abstract as it is written to the catalog: compressed, unless compressing does not
    /// make it smaller. Deterministic, so writing an unchanged record gives an unchanged row.</summary>
    public StoredAbstract ForStorage()
    {
        if (compressed is not null) return this;
        var utf8Length = Encoding.UTF8.GetByteCount(text!);
        var utf8 = ArrayPool<byte>.Shared.Rent(utf8Length);
        var target = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(utf8Length));
        try
        {
            Encoding.UTF8.GetBytes(text, utf8);
            if (!BrotliEncoder.TryCompress(utf8.AsSpan(0, utf8Length), target, out var written, Quality, WindowBits) || written >= utf8Length)
                return this;
            return new StoredAbstract(text, target.AsSpan(0, written).ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
            ArrayPool<byte>.Shared.Return(target);
        }
    }

    private static string Decompress(byte[] bytes)
    {
        // Text compresses about twice over; the buffer grows until the whole abstract fits.
        var size = Math.Max(4096, bytes.Length * 4);
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                using var decoder = new BrotliDecoder();
                var status = decoder.Decompress(bytes, buffer, out var consumed, out var written);
                if (status == OperationStatus.Done && consumed == bytes.Length) return Encoding.UTF8.GetString(buffer, 0, written);
                if (status != OperationStatus.DestinationTooSmall) throw new InvalidDataException("a compressed abstract in the catalog is damaged");
                size = buffer.Length * 2;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public bool Equals(StoredAbstract? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (compressed is not null && other.compressed is not null && compressed.AsSpan().SequenceEqual(other.compressed)) return true;
        return string.Equals(Text, other.Text, StringComparison.Ordinal);
    }

    public override bool Equals(object? obj) => Equals(obj as StoredAbstract);

    public override int GetHashCode() => string.GetHashCode(Text, StringComparison.Ordinal);

    public override string ToString() => Text;
}
