using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Core.Tests.Catalog;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary>What an editor request sees, written as data: a <see cref="MultiFileFixture"/> workspace
/// (every file open, with its text) and the <see cref="Analysis"/> of it over a real catalog file
/// (<see cref="FixtureCatalog"/>: the bundled seed and the browse records). <see cref="Show"/> writes
/// the places a feature answers with as the lines holding them, marked, for a whole-output expectation.</summary>
internal sealed class AnalysisWorkspace : IDisposable
{
    /// <summary>The moment the tests are run at, so that ages ("one year ago") do not drift.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FixtureCatalog _catalog;

    /// <param name="extraPapers">Records added to the catalog, as a fetch or an import would.</param>
    public AnalysisWorkspace(string workspace, string[]? confirmedMisses = null, IEnumerable<PaperRecord>? extraPapers = null)
    {
        Fixture = MultiFileFixture.Parse(workspace);
        _catalog = new FixtureCatalog(confirmedMisses ?? []);
        if (extraPapers is not null) _catalog.Papers.Upsert(extraPapers);
        var index = Fixture.Files.Aggregate(WorkspaceIndex.Empty, (built, file) => built.With(IndexedDocument.FromText(file.Path, file.Text, version: 1)));
        Analysis = new Analysis(index, _catalog.Papers, RuleSettings.Default);
    }

    public MultiFileFixture Fixture { get; }

    public Analysis Analysis { get; }

    /// <summary>The path of the file holding <c>$0</c>, and the cursor's offset in it.</summary>
    public (string Path, int Offset) Cursor => (Fixture.Cursor.File.Path, Fixture.Cursor.Offset);

    /// <summary>The «…» ranges of a file, in order.</summary>
    public IReadOnlyList<TextSpan> Ranges(string path) => Fixture.Get(path).Fixture.Ranges;

    /// <summary>A place to show: a span of a file («…» around it) and an optional note written after it
    /// (⟨…⟩); an empty span with a note shows the note alone, where an inlay hint sits, and without one «».</summary>
    public sealed record Mark(string Path, TextSpan Span, string? Note = null);

    /// <summary>The lines holding the marks, each as <c>path:line: text</c> with the marks in it, files
    /// in path order, lines in order.</summary>
    public string Show(IEnumerable<Mark> marks)
    {
        var lines = new List<string>();
        foreach (var file in marks.GroupBy(m => m.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var text = Fixture.Get(file.Key).Text;
            var map = new LineMap(text);
            var shown = new SortedSet<int>();
            // (offset, starts: 1 / ends: 0, text): inserted from the end, so that earlier offsets stay
            // valid; at one offset an end's text comes before a start's.
            var inserts = new List<(int At, int Order, string Text)>();
            foreach (var mark in file)
            {
                for (var line = map.GetPosition(mark.Span.Start).Line; line <= map.GetPosition(mark.Span.End).Line; line++) shown.Add(line);
                var note = mark.Note is null ? "" : $"⟨{mark.Note}⟩";
                if (mark.Span.Length == 0)
                {
                    inserts.Add((mark.Span.Start, 0, mark.Note is null ? "«»" : note));
                    continue;
                }
                inserts.Add((mark.Span.Start, 1, "«"));
                inserts.Add((mark.Span.End, 0, "»" + note));
            }
            var marked = new System.Text.StringBuilder(text);
            foreach (var insert in inserts.OrderByDescending(i => i.At).ThenByDescending(i => i.Order)) marked.Insert(insert.At, insert.Text);
            var markedLines = marked.ToString().Split('\n');
            lines.AddRange(shown.Select(line => $"{file.Key}:{line + 1}: {markedLines[line]}"));
        }
        return string.Join('\n', lines);
    }

    /// <summary>A paper record as a fetch would store it.</summary>
    public static PaperRecord Paper(string id, string title, string authors, string? abstractText = null) => new()
    {
        Id = ArxivId.Of(id),
        Title = title,
        Authors = authors,
        Abstract = abstractText,
        Categories = ["cs.LG"],
        Versions = [new PaperVersion(1, new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero))],
    };

    public void Dispose() => _catalog.Dispose();
}
