using PaperLens.Core.Citations;

namespace PaperLens.Core.Tests.Citations;

/// <summary>A BibTeX entry's fields read as a dictionary: by name, in order, a repeated field's first value.</summary>
public class BibFieldsTests
{
    [Fact]
    public void Fields_read_by_name_in_their_order_and_the_first_of_a_repeated_one_is_kept()
    {
        var fields = BibFields.Of([("title", "Mamba"), ("author", "Gu, Albert"), ("title", "Second"), ("x-custom", "value")]);

        Assert.Equal(3, fields.Count);
        Assert.Equal(["title", "author", "x-custom"], fields.Keys);
        Assert.Equal(["Mamba", "Gu, Albert", "value"], fields.Values);
        Assert.Equal("Mamba", fields["title"]);
        Assert.Equal("value", fields.GetValueOrDefault("x-custom"));
        Assert.True(fields.ContainsKey("author"));
        Assert.False(fields.ContainsKey("year"));
        Assert.False(fields.TryGetValue("Title", out _));
        Assert.Throws<KeyNotFoundException>(() => fields["year"]);
        Assert.Equal(new Dictionary<string, string> { ["title"] = "Mamba", ["author"] = "Gu, Albert", ["x-custom"] = "value" }, fields);
    }

    [Fact]
    public void Values_passed_through_a_function_keep_their_names_and_leave_the_fields_as_they_were()
    {
        var fields = BibFields.Of([("title", "Mamba"), ("year", "2023")]);

        var upper = fields.WithValues(value => value.ToUpperInvariant());

        Assert.Equal(new Dictionary<string, string> { ["title"] = "MAMBA", ["year"] = "2023" }, upper);
        Assert.Equal("Mamba", fields["title"]);
        Assert.Empty(BibFields.Of([]));
    }
}
