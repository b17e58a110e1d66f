using System.Runtime.CompilerServices;

namespace PaperLens.Core.Tests.Bibtex;

/// <summary>Files under tests/fixtures/bibtex, found beside the sources so any artifacts folder works.</summary>
internal static class BibtexFixtures
{
    public static string Read(string name, [CallerFilePath] string thisFile = "") =>
        File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "bibtex", name)));

    /// <summary>A fixture file with «» ranges (see <see cref="Fixture"/>).</summary>
    public static Fixture ReadMarked(string name, [CallerFilePath] string thisFile = "") => Fixture.Parse(Read(name, thisFile));
}
