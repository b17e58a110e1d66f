using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Server.Session;

namespace PaperLens.Server.Tests;

/// <summary>The abstract documents go to definition and Open Abstract write: requests for the same paper
/// at once (an editor sends both on one click, several views ask together) each get a readable, whole file.</summary>
public sealed class AbstractFilesTests : IDisposable
{
    private readonly TestWorkspace _folder = new();

    [Fact]
    public async Task Parallel_writes_of_one_paper_each_return_a_whole_file_and_leave_no_temporary_behind()
    {
        var files = AbstractFiles.BesideCatalog(_folder.CatalogPath);
        // Large pages, each a different text, so that a half-written or interleaved file shows.
        var pages = Enumerable.Range(0, 64)
            .Select(n => new AbstractPage(ArxivId.Of("hep-th/9901001"), "hep-th_9901001.md", string.Concat(Enumerable.Repeat($"writer {n:D2}\n", 20_000))))
            .ToList();
        using var start = new Barrier(8);

        var written = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            start.SignalAndWait();
            return pages.Where((_, n) => n % 8 == worker).Select(page =>
            {
                var path = files.Write(page);
                return (Path: path, Text: File.ReadAllText(path));
            }).ToList();
        })));

        var results = written.SelectMany(w => w).ToList();
        Assert.Equal(64, results.Count);
        Assert.All(results, r => Assert.Equal(Path.Combine(files.Directory, "hep-th_9901001.md"), r.Path));
        Assert.All(results, r => Assert.Contains(r.Text, pages.Select(p => p.Markdown)));
        Assert.Equal(["hep-th_9901001.md"], Directory.GetFiles(files.Directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Definition_and_open_abstract_requested_together_for_one_paper_all_answer()
    {
        var fixture = CursorFixture.Parse("see arXiv:2012.0$07436\n");
        await using var client = await LspTestClient.StartAsync(_folder);
        await client.OpenAsync("a.md", fixture.Text);
        var position = LspTestClient.Position(client.Workspace.Uri("a.md"), fixture.Cursor);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(n =>
            client.RequestAsync(n % 2 == 0 ? "textDocument/definition" : "paperlens/abstractAt", position)));

        var uris = answers.Select(a => a.GetProperty("uri").GetString()!).Distinct().ToList();
        var text = await File.ReadAllTextAsync(new Uri(Assert.Single(uris)).LocalPath);
        Assert.StartsWith("# Informer: Beyond Efficient Transformer", text);
        Assert.Equal(text, answers[1].GetProperty("markdown").GetString());
    }

    public void Dispose() => _folder.Dispose();
}
