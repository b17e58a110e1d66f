using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Citations;

/// <summary>A citation's label, notebook cell and conflicting id share one object (most citations have
/// none): each reads back as set, and a copy made with <c>with</c> never changes the citation it copied.</summary>
public class CitationRareFieldsTests
{
    private static readonly Citation Plain = new()
    {
        Span = new TextSpan(10, 10),
        Form = CitationForm.Prefix,
        RawText = "2312.00752",
        Target = new CitationTarget.Paper(ArxivId.Of("2312.00752"), null),
    };

    private static readonly ConflictingId Other = new(ArxivId.Of("1706.03762"), new TextSpan(40, 10), "url");

    [Fact]
    public void Each_field_reads_back_alone_and_together()
    {
        Assert.Equal((null, null, null, null), Fields(Plain));
        Assert.Equal(("gu2023", null, null, null), Fields(Plain with { Label = "gu2023" }));
        Assert.Equal((null, 3, 7, null), Fields(Plain with { Cell = 3, CellLine = 7 }));
        Assert.Equal(("gu2023", 3, 7, Other), Fields(Plain with { Label = "gu2023", Cell = 3, CellLine = 7, ConflictingId = Other }));
        Assert.Equal(("gu2023", null, null, null), Fields(Plain with { Label = "gu2023", Cell = 3 } with { Cell = null }));
        Assert.Equal((null, 3, null, null), Fields(Plain with { Label = "gu2023", Cell = 3 } with { Label = null }));
    }

    [Fact]
    public void A_copy_changed_by_with_leaves_the_original_as_it_was()
    {
        var original = Plain with { Label = "gu2023", Cell = 1, CellLine = 2, ConflictingId = Other };

        var moved = original.MapSpans(span => span.Shift(100)) with { Label = "other", Cell = 5 };

        Assert.Equal(("gu2023", 1, 2, Other), Fields(original));
        Assert.Equal(("other", 5, 2, Other with { Span = Other.Span.Shift(100) }), Fields(moved));
    }

    [Fact]
    public void Citations_with_the_same_fields_are_equal_however_they_were_built()
    {
        var built = Plain with { Label = "gu2023", Cell = 4 };
        var changed = Plain with { Label = "x", Cell = 4, ConflictingId = Other } with { Label = "gu2023", ConflictingId = null };

        Assert.Equal(built, changed);
        Assert.Equal(built.GetHashCode(), changed.GetHashCode());
        Assert.NotEqual(built, built with { CellLine = 0 });
        Assert.Equal(Plain, Plain with { Label = "gu2023" } with { Label = null });
    }

    private static (string?, int?, int?, ConflictingId?) Fields(Citation c) => (c.Label, c.Cell, c.CellLine, c.ConflictingId);
}
