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
    public void A_paper_cited_in_several_files_is_one_id_and_its_repeated_texts_one_string()
    {
        using var workspace = Workspace();

        var scan = WorkspaceScanner.Scan(workspace.Root, WorkspaceOptions.Default, CancellationToken.None);

        var mamba = scan.Documents.SelectMany(d => d.Citations).Where(c => c.Id?.Canonical == "2312.00752").ToList();
        Assert.True(mamba.Count >= 7, $"{mamba.Count} citations of 2312.00752");
        Assert.All(mamba, c => Assert.Same(mamba[0].Id, c.Id));
        var unversioned = mamba.Where(c => c.Version is null).ToList();
        Assert.All(unversioned, c => Assert.Same(unversioned[0].Target, c.Target));
        Assert.All(unversioned.Where(c => c.RawText == "2312.00752"), c => Assert.Same(mamba[0].Id!.Canonical, c.RawText));
        var titles = mamba.Select(c => c.Claim?.Text).OfType<string>().Where(t => t.StartsWith("Mamba", StringComparison.Ordinal)).ToList();
        Assert.True(titles.Count >= 4, $"{titles.Count} title claims");
        Assert.All(titles, t => Assert.Same(titles[0], t));

        var entries = scan.Documents.SelectMany(d => d.BibEntries).Where(e => e.Key == "gu2023mamba").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Same(mamba[0].Id, entries[0].Id);
        Assert.Same(entries[0].Key, entries[1].Key);
        Assert.Same(entries[0].Title, entries[1].Title);
        var attention = scan.Documents.SelectMany(d => d.Citations).Where(c => c.ConflictingId is not null).ToList();
        Assert.Equal(2, attention.Count);
        Assert.Same(attention[0].ConflictingId!.Id, attention[1].ConflictingId!.Id);
    }

    private static string Described(BibEntry entry) =>
        $"{entry.Key} {entry.EntryType} {entry.Span} {entry.KeySpan} {entry.Id} {entry.Version} {string.Join(";", entry.Fields)}";
}
