using System.Text;
using CsCheck;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Tests.Workspace;

/// <summary>Spec §3, last item: which files of a workspace are read, and what is reported as skipped.</summary>
public class WorkspaceScannerTests
{
    private const string Note = "# Notes\n\nSee arXiv:2405.13956 for attention as an RNN.\n";

    private static WorkspaceScan Scan(TempWorkspace workspace, WorkspaceOptions? options = null) =>
        WorkspaceScanner.Scan(workspace.Root, options ?? WorkspaceOptions.Default, CancellationToken.None);

    private static List<string> Paths(WorkspaceScan scan) => scan.Documents.Select(d => d.Path).ToList();

    [Fact]
    public void Nested_gitignore_applies_to_its_subtree_and_negation_re_includes()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".gitignore", "private/\n*.secret.md\n");
        workspace.Write("notes/.gitignore", "!keep.secret.md\nscratch.md\n");
        workspace.Write("private/diary.md", Note);
        workspace.Write("notes/plans.secret.md", Note);
        workspace.Write("notes/keep.secret.md", Note);
        workspace.Write("notes/scratch.md", Note);
        workspace.Write("notes/mamba.md", Note);
        workspace.Write("scratch.md", Note);

        var scan = Scan(workspace);

        Assert.Equal(["notes/keep.secret.md", "notes/mamba.md", "scratch.md"], Paths(scan));
        Assert.Equal(0, scan.SkippedCount);
    }

    [Fact]
    public void Git_info_exclude_is_honoured()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".git/info/exclude", "local-*.md\n");
        workspace.Write("local-todo.md", Note);
        workspace.Write("shared.md", Note);

        Assert.Equal(["shared.md"], Paths(Scan(workspace)));
    }

    [Fact]
    public void Checking_a_subfolder_of_a_git_work_tree_honours_the_ignore_files_above_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".git/info/exclude", "*.local.md\n");
        workspace.Write(".gitignore", "drafts/\n");
        workspace.Write("project/.gitignore", "notes/private.md\n");
        workspace.Write("project/notes/private.md", Note);
        workspace.Write("project/notes/drafts/idea.md", Note);
        workspace.Write("project/notes/mine.local.md", Note);
        workspace.Write("project/notes/public.md", Note);

        var scan = WorkspaceScanner.Scan(Path.Combine(workspace.Root, "project", "notes") + "/", WorkspaceOptions.Default, CancellationToken.None);

        Assert.Equal(["public.md"], Paths(scan));
    }

    [Fact]
    public void Ignore_files_above_the_root_do_not_apply_outside_a_git_work_tree()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".gitignore", "*.md\n");
        workspace.Write("project/notes.md", Note);

        Assert.Equal(["notes.md"], Paths(WorkspaceScanner.Scan(Path.Combine(workspace.Root, "project"), WorkspaceOptions.Default, CancellationToken.None)));
    }

    [Theory]
    [InlineData(".git/notes.md")]
    [InlineData("node_modules/some-package/README.md")]
    [InlineData("web/node_modules/lib/README.md")]
    [InlineData("bin/Release/notes.md")]
    [InlineData("obj/notes.md")]
    [InlineData("target/doc/notes.md")]
    [InlineData("dist/README.md")]
    [InlineData("build/notes.md")]
    [InlineData("src/__pycache__/notes.md")]
    [InlineData(".venv/lib/README.md")]
    [InlineData("venv/README.md")]
    [InlineData(".tox/py312/README.md")]
    [InlineData(".mypy_cache/notes.md")]
    public void Dependency_and_build_output_folders_are_never_read(string path)
    {
        using var workspace = new TempWorkspace();
        workspace.Write(path, Note);
        workspace.Write("README.md", Note);

        var scan = Scan(workspace);

        Assert.Equal(["README.md"], Paths(scan));
        Assert.Equal(0, scan.SkippedCount);
    }

    [Fact]
    public void A_file_over_5_MB_is_skipped_as_too_large()
    {
        using var workspace = new TempWorkspace();
        var line = "A line of notes about state space models, arXiv:2403.11144 among them.\n";
        var big = new StringBuilder();
        while (big.Length < 6 * 1024 * 1024) big.Append(line);
        workspace.Write("notes/huge.md", big.ToString());
        workspace.Write("notes/small.md", Note);

        var scan = Scan(workspace);

        Assert.Equal(["notes/small.md"], Paths(scan));
        var group = Assert.Single(scan.Skipped);
        Assert.Equal(SkipReasons.TooLarge, group.Reason);
        Assert.Equal(["notes/huge.md"], group.Paths);
    }

    [Fact]
    public void A_file_with_a_NUL_byte_is_skipped_as_binary()
    {
        using var workspace = new TempWorkspace();
        var bytes = Encoding.UTF8.GetBytes("arXiv:2405.13956\n").Concat(new byte[] { 0, 1, 2, 0 }).ToArray();
        workspace.Write("figure.md", bytes);
        workspace.Write("notes.md", Note);

        var scan = Scan(workspace);

        Assert.Equal(["notes.md"], Paths(scan));
        var group = Assert.Single(scan.Skipped);
        Assert.Equal(SkipReasons.Binary, group.Reason);
        Assert.Equal(["figure.md"], group.Paths);
        Assert.Equal(1, scan.SkippedCount);
    }

    [Fact]
    public void Skipped_files_are_grouped_by_reason_with_counts()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("b.md", [0x41, 0x00]);
        workspace.Write("a.md", [0x00]);
        workspace.Write("c.md", new byte[WorkspaceFileReaderLimit + 1]);

        var scan = Scan(workspace);

        Assert.Equal([SkipReasons.Binary, SkipReasons.TooLarge], scan.Skipped.Select(g => g.Reason));
        Assert.Equal(["a.md", "b.md"], scan.Skipped[0].Paths);
        Assert.Equal(2, scan.Skipped[0].Count);
        Assert.Equal(3, scan.SkippedCount);
        Assert.Empty(scan.Documents);
    }

    private const int WorkspaceFileReaderLimit = 5 * 1024 * 1024;

    [Fact]
    public void Invalid_UTF8_becomes_replacement_characters_and_later_offsets_follow_the_decoded_text()
    {
        using var workspace = new TempWorkspace();
        var bytes = Encoding.UTF8.GetBytes("# Notes\n")
            .Concat(new byte[] { 0xFF, 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes(" then arXiv:2405.13956 here\n"))
            .ToArray();
        workspace.Write("notes.md", bytes);
        const string decoded = "# Notes\n\uFFFD\uFFFD( then arXiv:2405.13956 here\n";

        var scan = Scan(workspace);

        var document = Assert.Single(scan.Documents);
        var citation = Assert.Single(document.Citations);
        Assert.Equal(decoded.IndexOf("2405.13956", StringComparison.Ordinal), citation.Span.Start);
        Assert.Equal("2405.13956", citation.Id?.Canonical);
        Assert.Equal((1, decoded.IndexOf("2405", StringComparison.Ordinal) - decoded.IndexOf('\uFFFD')),
            scan.LineMapFor("notes.md")!.GetPosition(citation.Span.Start));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("notes.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("arXiv:2405.13956\n")]);

        var citation = Assert.Single(Assert.Single(Scan(workspace).Documents).Citations);

        Assert.Equal(6, citation.Span.Start);
    }

    [Fact]
    public void Exclude_globs_drop_files_and_include_globs_keep_only_matches()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("notes/a.md", Note);
        workspace.Write("notes/archive/old.md", Note);
        workspace.Write("paper/draft.md", Note);
        workspace.Write("references.bib", "");

        var excluded = Scan(workspace, new WorkspaceOptions { Exclude = ["notes/archive/", "*.bib"] });
        var included = Scan(workspace, new WorkspaceOptions { Include = ["notes/**"] });
        var both = Scan(workspace, new WorkspaceOptions { Include = ["*.md"], Exclude = ["paper/**"] });

        Assert.Equal(["notes/a.md", "paper/draft.md"], Paths(excluded));
        Assert.Equal(["notes/a.md", "notes/archive/old.md"], Paths(included));
        Assert.Equal(["notes/a.md", "notes/archive/old.md"], Paths(both));
        Assert.Equal(0, excluded.SkippedCount + included.SkippedCount + both.SkippedCount);
    }

    [Fact]
    public void Output_is_sorted_by_path_and_the_same_on_every_run()
    {
        using var workspace = new TempWorkspace();
        var random = new Random(7);
        var names = Enumerable.Range(0, 60).Select(i => $"d{random.Next(5)}/n{random.Next(1000)}-{i}.md").ToList();
        foreach (var name in names) workspace.Write(name, Note);

        var first = Paths(Scan(workspace));
        var second = Paths(Scan(workspace));

        Assert.Equal(names.Order(StringComparer.Ordinal), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_scannable_file_outside_skipped_folders_is_scanned_exactly_once_in_path_order()
    {
        var folder = Gen.OneOfConst("notes", "src", "b b", "ü", "build", "node_modules", ".git");
        var name = Gen.OneOfConst("x.md", "y.bib", "Z.md", "figure.png");
        var path = Gen.Select(folder.Array[0, 3], name, (folders, file) => string.Join('/', folders.Append(file)));
        path.Array[1, 12].Sample(paths =>
        {
            using var workspace = new TempWorkspace();
            var distinct = paths.Distinct().ToList();
            foreach (var file in distinct) workspace.Write(file, Note);
            var expected = distinct
                .Where(p => !p.EndsWith(".png", StringComparison.Ordinal))
                .Where(p => !p.Split('/').SkipLast(1).Any(f => f is "build" or "node_modules" or ".git"))
                .Order(StringComparer.Ordinal);
            return expected.SequenceEqual(Paths(Scan(workspace)));
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void A_symlinked_folder_is_not_followed()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("notes/a.md", Note);
        Directory.CreateSymbolicLink(Path.Combine(workspace.Root, "notes", "loop"), workspace.Root);

        Assert.Equal(["notes/a.md"], Paths(Scan(workspace)));
    }

    [Fact]
    public void A_missing_root_raises_a_workspace_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "paperlens-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<WorkspaceException>(() => WorkspaceScanner.Scan(missing, WorkspaceOptions.Default, CancellationToken.None));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_single_file_root_is_scanned_on_its_own()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.Write("notes/a.md", Note);
        workspace.Write("notes/b.md", Note);

        Assert.Equal(["a.md"], Paths(WorkspaceScanner.Scan(path, WorkspaceOptions.Default, CancellationToken.None)));
    }

    [Fact]
    public void Citations_are_found_in_markdown_python_and_bibtex_files()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("notes/ssm.md", "Mamba-360 is a survey: [Mamba-360](https://arxiv.org/abs/2404.16112).\n");
        const string python = "x = 1\n# Attention as an RNN, arXiv:2405.13956\nurl = \"https://arxiv.org/abs/1409.3215\"\n";
        workspace.Write("src/model.py", python);
        workspace.Write("references.bib", "@article{feng2024,\n  title = {Attention as an RNN},\n  eprint = {2405.13956},\n  archivePrefix = {arXiv},\n}\n");

        var scan = Scan(workspace);

        Assert.Equal(0, scan.SkippedCount);
        var ids = scan.Documents.ToDictionary(d => d.Path, d => d.Citations.Select(c => c.Id?.Canonical).ToList());
        Assert.Equal(["2404.16112"], ids["notes/ssm.md"]);
        Assert.Equal(["2405.13956"], ids["src/model.py"]);
        Assert.Equal(["2405.13956"], ids["references.bib"]);
        var pythonCitation = scan.Documents.Single(d => d.Path == "src/model.py").Citations[0];
        Assert.Equal(python.IndexOf("2405", StringComparison.Ordinal), pythonCitation.Span.Start);
        Assert.Equal((1, "# Attention as an RNN, arXiv:".Length), scan.LineMapFor("src/model.py")!.GetPosition(pythonCitation.Span.Start));
    }

    [Fact]
    public void Files_no_scanner_reads_are_neither_scanned_nor_skipped()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("figure.png", [0x89, 0x50, 0x4E, 0x47, 0x00]);
        workspace.Write("notes.md", Note);

        var scan = Scan(workspace);

        Assert.Equal(["notes.md"], Paths(scan));
        Assert.Equal(0, scan.SkippedCount);
    }

    [Fact]
    public void Only_documents_with_citations_or_problems_carry_a_line_map()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("cited.md", Note);
        workspace.Write("plain.md", "# Nothing cited here\n");

        var scan = Scan(workspace);

        Assert.NotNull(scan.LineMapFor("cited.md"));
        Assert.Null(scan.LineMapFor("plain.md"));
    }
}
