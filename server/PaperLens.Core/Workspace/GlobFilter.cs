using MAB.DotIgnore;

namespace PaperLens.Core.Workspace;

/// <summary>The include and exclude globs of <see cref="WorkspaceOptions"/>, .gitignore-style
/// (MAB.DotIgnore): a file is admitted when it matches an include pattern (or there are none) and
/// matches no exclude pattern. A pattern naming a directory covers the files under it.</summary>
internal sealed class GlobFilter(WorkspaceOptions options)
{
    private readonly IgnoreList? _include = Build(options.Include);
    private readonly IgnoreList? _exclude = Build(options.Exclude);

    public bool Admits(string relativePath) =>
        (_include is null || _include.IsIgnored(relativePath, false))
        && (_exclude is null || !_exclude.IsIgnored(relativePath, false));

    private static IgnoreList? Build(IReadOnlyList<string> patterns)
    {
        var usable = patterns.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return usable.Count == 0 ? null : new IgnoreList(usable);
    }
}
