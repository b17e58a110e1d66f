namespace PaperLens.Metadata.Tests;

/// <summary>Paths of the recorded arXiv responses copied next to the tests.</summary>
internal static class Fixtures
{
    public static string Atom(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "atom", name);

    public static string AtomText(string name) => File.ReadAllText(Atom(name));
}
