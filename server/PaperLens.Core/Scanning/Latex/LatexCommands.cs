namespace PaperLens.Core.Scanning.Latex;

/// <summary>The LaTeX commands the scanner knows by name, and what each means to it.</summary>
internal static class LatexCommands
{
    // Spec §3's list, with the capitalised forms natbib and biblatex define beside them (\Citet at the
    // start of a sentence) and the few relatives that take keys the same way.
    private static readonly HashSet<string> Cites = new(StringComparer.Ordinal)
    {
        "cite", "Cite", "citep", "Citep", "citet", "Citet", "citealp", "Citealp", "citealt", "Citealt",
        "citeauthor", "Citeauthor", "citeyear", "citeyearpar", "citenum", "citetitle", "citeurl",
        "parencite", "Parencite", "textcite", "Textcite", "autocite", "Autocite", "footcite", "footcitetext",
        "smartcite", "Smartcite", "supercite", "fullcite", "footfullcite", "nocite",
    };

    // biblatex's multicite forms: \cites[pre][post]{a}[pre][post]{b}.
    private static readonly HashSet<string> MultiCites = new(StringComparer.Ordinal)
    {
        "cites", "Cites", "parencites", "Parencites", "textcites", "Textcites", "autocites", "Autocites",
        "footcites", "smartcites", "Smartcites", "supercites",
    };

    // Commands whose (optional and first) arguments name a label, a file, a package or a length: never
    // prose, so nothing in them is a citation.
    private static readonly HashSet<string> NonProseArgument = new(StringComparer.Ordinal)
    {
        "label", "ref", "eqref", "pageref", "autoref", "Autoref", "cref", "Cref", "nameref", "vref",
        "input", "include", "includeonly", "includegraphics", "includepdf", "subfile", "import", "subimport",
        "usepackage", "RequirePackage", "documentclass", "LoadClass", "bibliographystyle", "graphicspath",
        "newcommand", "renewcommand", "providecommand", "newenvironment", "renewenvironment", "DeclareRobustCommand",
        "setlength", "addtolength", "setcounter", "addtocounter", "vspace", "hspace", "pagestyle", "thispagestyle",
        "color", "textcolor", "pagecolor", "hypersetup", "lstset", "usetikzlibrary", "pgfplotsset",
    };

    // The conditionals that need a \fi: what an \iffalse block nests. \ifthenelse and etoolbox's \ifstrequal
    // take arguments instead and are not counted.
    private static readonly HashSet<string> Conditionals = new(StringComparer.Ordinal)
    {
        "if", "ifx", "ifnum", "ifdim", "ifodd", "ifvmode", "ifhmode", "ifmmode", "ifinner", "ifvoid", "ifhbox",
        "ifvbox", "ifeof", "iftrue", "iffalse", "ifcase", "ifcat", "ifdefined", "ifcsname", "iffontchar", "ifincsname",
    };

    public static bool IsCite(ReadOnlySpan<char> name) => Cites.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) || IsMultiCite(name);

    public static bool IsMultiCite(ReadOnlySpan<char> name) => MultiCites.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    public static bool HasNonProseArgument(ReadOnlySpan<char> name) => NonProseArgument.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    public static bool IsConditional(ReadOnlySpan<char> name) => Conditionals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
}
