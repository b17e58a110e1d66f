namespace PaperLens.Core.Tests;

/// <summary>A workspace written as one text: each file follows a <c>//- /path</c> header line and is a
/// <see cref="Fixture"/> (<c>$0</c> the cursor, «…» ranges), its text ending with a newline.</summary>
public sealed record MultiFileFixture(IReadOnlyList<MultiFileFixture.File> Files)
{
    public sealed record File(string Path, Fixture Fixture)
    {
        public string Text => Fixture.Text;
    }

    public static MultiFileFixture Parse(string workspace)
    {
        var text = workspace.ReplaceLineEndings("\n");
        if (!text.StartsWith("//- ", StringComparison.Ordinal)) throw new FormatException("A multi-file fixture starts with a //- /path header.");
        var files = new List<File>();
        foreach (var part in ("\n" + text).Split("\n//- ", StringSplitOptions.RemoveEmptyEntries))
        {
            var newline = part.IndexOf('\n');
            var (path, body) = newline < 0 ? (part, "") : (part[..newline], part[(newline + 1)..]);
            files.Add(new File(path.Trim(), Fixture.Parse(body + "\n")));
        }
        var paths = files.Select(f => f.Path).ToList();
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Count) throw new FormatException("A path has two //- headers.");
        if (files.Count(f => f.Fixture.Cursor is not null) > 1) throw new FormatException("More than one file has a $0 cursor.");
        return new MultiFileFixture(files);
    }

    public File Get(string path) => Files.Single(f => f.Path == path);

    /// <summary>The file holding the <c>$0</c> cursor, and the cursor's offset in its text.</summary>
    public (File File, int Offset) Cursor
    {
        get
        {
            var file = Files.SingleOrDefault(f => f.Fixture.Cursor is not null) ?? throw new FormatException("No file has a $0 cursor.");
            return (file, file.Fixture.Cursor!.Value);
        }
    }
}
