using PaperLens.Core.Gate;
using PaperLens.Core.Rules;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Gate;

/// <summary>Baselines (spec §5): a finding is recorded by its file, rule, paper and the normalised text of its
/// line, so it stays recorded when lines move; identical keys are counted; a recorded finding no longer found
/// is stale; the file is sorted JSON, one finding a line, and reads back as written.</summary>
public sealed class BaselineTests
{
    private static Diagnostic Finding(string path, string text, string cited, string code = "PL001") =>
        new(path, new TextSpan(text.IndexOf(cited, StringComparison.Ordinal), cited.Length), Severity.Error, code, "a finding", null);

    private static BaselineKey Key(string path, string text, string cited, string code = "PL001") =>
        BaselineKey.For(Finding(path, text, cited, code), text, new LineMap(text));

    [Fact]
    public void A_recorded_finding_stays_hidden_when_lines_are_added_above_it_and_its_indentation_changes()
    {
        const string before = "# Notes\nA typo:  arXiv:2313.00752 here.\n";
        const string after = "# Notes\n\nA new paragraph.\n\n    A typo: arXiv:2313.00752   here.\n";
        var baseline = Baseline.Of([Key("notes.md", before, "2313.00752")]);

        var (hidden, stale) = baseline.Match([Key("notes.md", after, "2313.00752")], _ => true);

        Assert.Equal([true], hidden);
        Assert.Equal(0, stale);
    }

    [Fact]
    public void A_finding_on_an_edited_line_in_another_file_or_of_another_rule_is_not_recorded()
    {
        const string text = "A typo: arXiv:2313.00752 here.\n";
        var baseline = Baseline.Of([Key("notes.md", text, "2313.00752")]);

        var (hidden, stale) = baseline.Match(
        [
            Key("notes.md", "A typo: arXiv:2313.00752 there.\n", "2313.00752"),
            Key("other.md", text, "2313.00752"),
            Key("notes.md", text, "2313.00752", code: "PL007"),
        ], _ => true);

        Assert.Equal([false, false, false], hidden);
        Assert.Equal(1, stale);
    }

    [Fact]
    public void Identical_keys_are_counted_and_each_hides_one_finding()
    {
        const string text = "Typos arXiv:2313.00752 and arXiv:2313.00752 again.\n";
        var key = Key("notes.md", text, "2313.00752");
        var baseline = Baseline.Of([key, key]);

        Assert.Equal(2, Assert.Single(baseline.Entries).Value);
        Assert.Equal([true, true, false], baseline.Match([key, key, key], _ => true).Hidden);
        var (hidden, stale) = baseline.Match([key], _ => true);
        Assert.Equal([true], hidden);
        Assert.Equal(1, stale);
    }

    [Fact]
    public void Only_the_reported_files_recorded_findings_can_be_stale_and_an_update_keeps_the_others()
    {
        var a = Key("a.md", "arXiv:2313.00752\n", "2313.00752");
        var b = Key("b.md", "arXiv:2313.00753\n", "2313.00753");
        var c = Key("a.md", "arXiv:2313.00754\n", "2313.00754");
        var baseline = Baseline.Of([a, b]);

        Assert.Equal(1, baseline.Match([], path => path == "a.md").Stale);
        Assert.Equal([c, b], baseline.Updated([c], path => path == "a.md").Entries.Keys);
        Assert.Equal([c], baseline.Updated([c], _ => true).Entries.Keys);
    }

    [Fact]
    public void The_file_is_sorted_one_finding_a_line_and_reads_back_as_written()
    {
        var text = "- \"Título\" arXiv:2313.00752\tand\n";
        var baseline = Baseline.Of(
        [
            Key("z.md", "arXiv:2313.00753\n", "2313.00753"),
            Key("a.md", text, "2313.00752"),
            Key("a.md", text, "2313.00752"),
            new BaselineKey("a.md", "PL009", "2312.00752", "Mamba arXiv:2312.00752"),
        ]);

        var json = baseline.ToJson();

        Expect.Equal(json, """
            {
              "version": 1,
              "findings": [
                {"path":"a.md","code":"PL001","id":null,"text":"- \"Título\" arXiv:2313.00752 and","count":2},
                {"path":"a.md","code":"PL009","id":"2312.00752","text":"Mamba arXiv:2312.00752"},
                {"path":"z.md","code":"PL001","id":null,"text":"arXiv:2313.00753"}
              ]
            }

            """);
        Assert.Equal(baseline.Entries, Baseline.Parse(json, "baseline.json").Entries);
        Assert.Equal(json, Baseline.Parse(json, "baseline.json").ToJson());
        Assert.Equal("{\n  \"version\": 1,\n  \"findings\": []\n}\n", Baseline.Of([]).ToJson());
    }

    [Fact]
    public void A_megabyte_line_is_kept_as_its_start_and_a_hash_of_the_whole()
    {
        var line = "arXiv:2313.00752 " + string.Concat(Enumerable.Repeat("minified;", 100_000));
        var key = Key("bundle.js", line, "2313.00752");
        var other = Key("bundle.js", line + "x", "2313.00752");

        Assert.True(key.Text.Length < 200);
        Assert.StartsWith("arXiv:2313.00752 minified;", key.Text, StringComparison.Ordinal);
        Assert.NotEqual(key, other);
    }

    [Theory]
    [InlineData("[1]", "baseline.json: not a PaperLens baseline (no \"version\")")]
    [InlineData("{\"version\": 2, \"findings\": []}", "baseline.json: baseline version 2; this PaperLens reads version 1")]
    [InlineData("{\"version\": 1}", "baseline.json: \"findings\" must be an array")]
    [InlineData("{\"version\": 1, \"findings\": [{\"path\": \"a.md\", \"code\": \"PL001\", \"id\": null}]}", "baseline.json: findings[0]: \"text\" must be a string")]
    [InlineData("{\"version\": 1, \"findings\": [{\"path\": \"a.md\", \"code\": \"PL001\", \"id\": null, \"text\": \"x\", \"count\": 0}]}", "baseline.json: findings[0]: \"count\" must be a positive whole number")]
    [InlineData("{\"version\": 1,\n \"findings\": [", "baseline.json:2: invalid JSON")]
    public void A_file_that_is_not_a_baseline_is_refused_with_what_is_wrong(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<BaselineException>(() => Baseline.Parse(json, "baseline.json")).Message);
    }

    [Fact]
    public void The_fingerprint_follows_the_key_not_the_line_number()
    {
        Assert.Equal(Key("a.md", "x\narXiv:2313.00752\n", "2313.00752").Fingerprint, Key("a.md", "arXiv:2313.00752\n", "2313.00752").Fingerprint);
        Assert.NotEqual(Key("a.md", "arXiv:2313.00752\n", "2313.00752").Fingerprint, Key("b.md", "arXiv:2313.00752\n", "2313.00752").Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", Key("a.md", "arXiv:2313.00752\n", "2313.00752").Fingerprint);
    }
}
