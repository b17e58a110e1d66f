using MAB.DotIgnore;

namespace PaperLens.Core.Workspace;

/// <summary>The ignore rules in force in one directory: its own .gitignore on top of its parents'.
/// Git gives the deepest file precedence and, within a file, the last matching pattern wins; so
/// the rules are searched innermost scope first and, within a scope, last rule first, and the first
/// match decides (a negation <c>!</c> re-includes). Patterns are matched by MAB.DotIgnore against the
/// path relative to the directory that holds the ignore file.</summary>
internal sealed class IgnoreScope
{
    private readonly IgnoreScope? _parent;
    private readonly string _basePath;
    private readonly string _rootPrefix;
    private readonly IgnoreRule[] _rulesLastFirst;

    private IgnoreScope(IgnoreScope? parent, string basePath, string rootPrefix, IgnoreRule[] rulesLastFirst)
    {
        _parent = parent;
        _basePath = basePath;
        _rootPrefix = rootPrefix;
        _rulesLastFirst = rulesLastFirst;
    }

    public static IgnoreScope Empty { get; } = new(null, "", "", []);

    /// <summary>A scope with the patterns of <paramref name="ignoreFile"/> (if it exists and can be read)
    /// on top of this one. <paramref name="directoryPath"/> is the holding directory relative to the
    /// workspace root, "" for the root.</summary>
    public IgnoreScope With(string ignoreFile, string directoryPath)
    {
        var rules = ReadRules(ignoreFile);
        if (rules.Length == 0) return this;
        Array.Reverse(rules);
        return new IgnoreScope(this, directoryPath.Length == 0 ? "" : directoryPath + "/", "", rules);
    }

    /// <summary>A scope with the patterns of an ignore file that sits above the workspace root, in the
    /// enclosing git work tree: git applies it when a subfolder is checked. <paramref name="rootFromHolder"/>
    /// is the workspace root's path relative to the holding directory (<c>examples/research-notes</c>).</summary>
    public IgnoreScope WithOuter(string ignoreFile, string rootFromHolder)
    {
        var rules = ReadRules(ignoreFile);
        if (rules.Length == 0) return this;
        Array.Reverse(rules);
        return new IgnoreScope(this, "", rootFromHolder.Length == 0 ? "" : rootFromHolder + "/", rules);
    }

    /// <param name="relativePath">Path relative to the workspace root, with '/'.</param>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._rulesLastFirst.Length == 0 || !relativePath.StartsWith(scope._basePath, StringComparison.Ordinal)) continue;
            var pathInScope = scope._rootPrefix + relativePath[scope._basePath.Length..];
            foreach (var rule in scope._rulesLastFirst)
            {
                if (rule.IsMatch(pathInScope, isDirectory))
                    return (rule.PatternFlags & PatternFlags.NEGATION) == 0;
            }
        }
        return false;
    }

    private static IgnoreRule[] ReadRules(string ignoreFile)
    {
        string[] lines;
        try
        {
            // A .gitignore that is a FIFO would block the walk forever: like an unreadable one, it ignores nothing.
            if (!File.Exists(ignoreFile) || FileKinds.SkipReason(ignoreFile) is not null) return [];
            lines = File.ReadAllLines(ignoreFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable ignore file ignores nothing, as git treats it.
            return [];
        }
        var rules = new List<IgnoreRule>(lines.Length);
        foreach (var line in lines)
        {
            // Git drops trailing blanks; MAB.DotIgnore rejects a pattern that is only blanks.
            var pattern = line.TrimEnd();
            if (pattern.Length == 0 || pattern.StartsWith('#')) continue;
            try
            {
                rules.Add(new IgnoreRule(pattern));
            }
            catch (ArgumentException)
            {
                // Git skips a pattern it cannot parse; so do we.
            }
        }
        return rules.ToArray();
    }
}
