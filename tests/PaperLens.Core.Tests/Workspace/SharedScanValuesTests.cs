using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Tests.Workspace;

/// <summary>A workspace scan keeps one copy of each id, paper and repeated text across its documents
/// (the memory of a 10,000-file check and of the server's index); what the documents say is unchanged.</summary>
public class SharedScanValuesTests
{
    private const string Note = """
        # Reading

        - "Mamba: Linear-Time Sequence Modeling with Selective State Spaces" arXiv:2312.00752
        - [Attention Is All You Need](https://arxiv.org/abs/1706.03762v5) (Vaswani et al., 2017)
        - [@gu2023mamba]

        [ref]: https://arxiv.org/abs/2312.00752 "Mamba: Linear-Time Sequence Modeling with Selective State Spaces"
        """;

    private const string Bib = """
        @article{gu2023mamba,
          title = {Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
          author = {Gu, Albert and Dao, Tri},
          year = {2023},
          eprint = {2312.00752},
          archivePrefix = {arXiv},
        }

        @misc{vaswani2017attention,
          TITLE = {Attention Is All You Need},
          author = {Vaswani, Ashish},
          year = {2017},
          eprint = {1706.03762},
          url = {https://arxiv.org/abs/1802.05365},
          archivePrefix = {arXiv},
        }
        """;

    private static readonly string[] Files = ["notes/a.md", "notes/b.md", "refs.bib", "more/refs.bib", "code/model.py"];

    private static TempWorkspace Workspace()
    {
        var workspace = new TempWorkspace();
        workspace.Write("notes/a.md", Note);
        workspace.Write("notes/b.md", Note);
        workspace.Write("refs.bib", Bib);
        workspace.Write("more/refs.bib", Bib);
        workspace.Write("code/model.py", "# Mamba block, see arXiv:2312.00752 and https://arxiv.org/abs/1706.03762v5\nx = 1\n");
        return workspace;
    }

    [Fact]
    public void Every_document_reads_as_it_does_scanned_alone()
    {
        using var workspace = Workspace();

        var scan = WorkspaceScanner.Scan(workspace.Root, WorkspaceOptions.Default, CancellationToken.None);

        Assert.Equal(Files.Order(StringComparer.Ordinal), scan.Documents.Select(d => d.Path));
        foreach (var document in scan.Documents)
        {
            var alone = DocumentScanner.Scan(document.Path, File.ReadAllText(Path.Combine(workspace.Root, document.Path)));
            Assert.Equal(alone.Citations, document.Citations);
            Assert.Equal(alone.BibEntries.Select(Described), document.BibEntries.Select(Described));
            Assert.Equal(alone.Problems, document.Problems);
            Assert.Equal(alone.Bibliographies, document.Bibliographies);
            Assert.Equal(alone.Ignores, document.Ignores);
        }
    }

    [Fact]
    public void Papers_cited_across_many_files_are_held_once_not_once_per_citation()
    {
        using var workspace = new TempWorkspace();
        string[] topics = ["Vision", "Language", "Speech", "Graphs", "Proteins", "Robots", "Music", "Tables", "Code", "Weather"];
        var ids = Enumerable.Range(1, 10).Select(i => $"2312.{i:D5}").ToList();
        var note = string.Concat(ids.Select((id, i) => $"- \"Selective State Spaces for {topics[i]}\" arXiv:{id}\n"));
        for (var file = 0; file < 400; file++) workspace.Write($"notes/n{file:D3}.md", note);

        var scan = WorkspaceScanner.Scan(workspace.Root, WorkspaceOptions.Default, CancellationToken.None);

        var citations = scan.Documents.SelectMany(d => d.Citations).ToList();
        Assert.Equal(4000, citations.Count);
        Assert.Equal(ids, citations.Select(c => c.Id!.Canonical).Distinct().Order(StringComparer.Ordinal));
        // Two threads meeting a paper first at once each keep their copy: a few copies, never one per citation.
        Assert.InRange(Instances(citations.Select(c => c.Id!)), 10, 400);
        Assert.InRange(Instances(citations.Select(c => c.Target)), 10, 400);
        Assert.InRange(Instances(citations.Select(c => c.Claim!.Text)), 10, 400);
        Assert.InRange(Instances(citations.Select(c => c.RawText)), 10, 400);
    }

    private static int Instances<T>(IEnumerable<T> values) where T : class => values.Distinct(ReferenceEqualityComparer.Instance).Count();

    private static string Described(BibEntry entry) =>
        $"{entry.Key} {entry.EntryType} {entry.Span} {entry.KeySpan} {entry.Id} {entry.Version} {string.Join(";", entry.Fields)}";
}
