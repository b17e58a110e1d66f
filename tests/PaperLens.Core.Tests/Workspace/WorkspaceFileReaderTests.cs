using System.Text;
using CsCheck;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Tests.Workspace;

/// <summary>How a workspace file's bytes become the text the scanners see.</summary>
public class WorkspaceFileReaderTests
{
    [Fact]
    public void Invalid_bytes_become_replacement_characters()
    {
        var text = WorkspaceFileReader.Decode([0x61, 0xFF, 0x62, 0xC3, 0x28]).Text;

        Assert.Equal("a\uFFFDb\uFFFD(", text);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        Assert.Equal("arXiv", WorkspaceFileReader.Decode([0xEF, 0xBB, 0xBF, .. "arXiv"u8]).Text);
    }

    [Fact]
    public void A_NUL_byte_after_the_first_8_KB_does_not_make_a_file_binary()
    {
        var bytes = Enumerable.Repeat((byte)'a', 9000).Append((byte)0).ToArray();

        Assert.Null(WorkspaceFileReader.Decode(bytes).SkipReason);
        Assert.Equal(SkipReasons.Binary, WorkspaceFileReader.Decode(bytes.AsSpan(8000).ToArray()).SkipReason);
    }

    [Fact]
    public void Any_bytes_without_NUL_decode_like_the_UTF8_decoder()
    {
        Gen.Byte.Where(b => b != 0).Array[0, 200].Sample(bytes =>
        {
            var read = WorkspaceFileReader.Decode(bytes);
            var expected = Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
            return read.SkipReason is null && read.Text == expected;
        });
    }

    [Fact]
    public void Reading_a_file_that_vanished_reports_it_unreadable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "paperlens-gone-" + Guid.NewGuid().ToString("N") + ".md");

        Assert.Equal(SkipReasons.Unreadable, WorkspaceFileReader.Read(missing).SkipReason);
    }
}
