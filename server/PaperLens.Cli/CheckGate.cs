using Humanizer;
using PaperLens.Cli.Output;
using PaperLens.Core.Gate;
using PaperLens.Core.Rules;

namespace PaperLens.Cli;

/// <summary>The step between a check's findings and its report that makes the check a CI gate (spec §5):
/// only the findings on lines changed since a commit (<c>--changed</c>), none the baseline records
/// (<c>--baseline</c>), or every one recorded (<c>--write-baseline</c>); and each finding's baseline key as
/// its SARIF fingerprint. What counts as changed or recorded is Core's (<see cref="ChangedLines"/>,
/// <see cref="Baseline"/>); here are git and the baseline file. Ignore comments need nothing here: the
/// check never reports what they hide.</summary>
public sealed class CheckGate
{
    private readonly IReadOnlyDictionary<string, ChangedLines>? _changed;
    private readonly (string Path, Baseline Recorded)? _baseline;
    private readonly (string Path, Baseline Existing)? _write;
    private readonly bool _fingerprints;
    private readonly List<Found> _found = [];
    private readonly List<CheckedWorkspace> _workspaces = [];
    private int _stale;
    private int _recorded;

    private sealed record Found(Diagnostic Finding, ReportedDiagnostic Reported, BaselineKey? Key, bool Changed, string Root);

    private CheckGate(IReadOnlyDictionary<string, ChangedLines>? changed, (string, Baseline)? baseline, (string, Baseline)? write, bool fingerprints)
    {
        _changed = changed;
        _baseline = baseline;
        _write = write;
        _fingerprints = fingerprints;
    }

    /// <summary>Checks the options and reads what they name before any work: git's changes for each
    /// workspace (saying on <paramref name="stderr"/> what they are compared with) and the baseline files.</summary>
    /// <param name="changed">Whether <c>--changed</c> was given; <paramref name="reference"/> its REF, if any.</param>
    /// <param name="fingerprints">Whether the report carries fingerprints (SARIF).</param>
    public static CheckGate Create(IReadOnlyList<WorkspaceTarget> targets, bool changed, string? reference, string? baseline, string? writeBaseline,
        bool fingerprints, TextWriter stderr)
    {
        if (changed && writeBaseline is not null)
            throw new CliException("--write-baseline records the findings of every line, so it cannot be combined with --changed");
        var recorded = baseline is null ? ((string, Baseline)?)null
            : (baseline, File.Exists(baseline) ? Read(baseline) : throw new CliException($"no baseline at {Path.GetFullPath(baseline)}"));
        var write = writeBaseline is null ? ((string, Baseline)?)null
            : (writeBaseline, File.Exists(writeBaseline) ? Read(writeBaseline) : Baseline.Of([]));
        Dictionary<string, ChangedLines>? lines = null;
        if (changed)
        {
            lines = new Dictionary<string, ChangedLines>(StringComparer.Ordinal);
            foreach (var target in targets)
            {
                var (changedLines, since) = GitChanges.Read(target.Root, reference);
                lines[target.Root] = changedLines;
                stderr.WriteLine($"paperlens: reporting the lines changed since {since}");
            }
        }
        return new CheckGate(lines, recorded, write, fingerprints);
    }

    /// <summary>A workspace's findings, in the order they are reported.</summary>
    public void Add(CheckedWorkspace workspace, IReadOnlyList<Diagnostic> findings)
    {
        _workspaces.Add(workspace);
        var lines = _changed?[workspace.Scan.Root];
        var keyed = _baseline is not null || _write is not null || _fingerprints;
        foreach (var finding in findings)
        {
            var changed = lines is null || workspace.Lines(finding) is var (first, last) && lines.Touches(finding.Path, first, last);
            _found.Add(new Found(finding, workspace.Locate(finding), keyed ? workspace.KeyOf(finding) : null, changed, workspace.Scan.Root));
        }
    }

    /// <summary>The findings to report, with their fingerprints and their workspace's root: those on changed
    /// lines that the baseline does not record; none when the baseline is being written, which it then is.</summary>
    public IReadOnlyList<(Diagnostic Finding, ReportedDiagnostic Reported, string Root)> Report()
    {
        var found = _fingerprints ? WithFingerprints(_found) : _found;
        bool Reported(string path) => _workspaces.Any(w => w.Reports(path));
        if (_write is var (path, existing))
        {
            var updated = existing.Updated(found.Select(f => f.Key!), Reported);
            WriteAtomically(path, updated.ToJson());
            _recorded = updated.Count;
            return [];
        }
        IReadOnlyList<bool> hidden = new bool[found.Count];
        if (_baseline is var (_, recorded)) (hidden, _stale) = recorded.Match(found.Select(f => f.Key!).ToList(), Reported);
        return found.Where((f, i) => !hidden[i] && f.Changed).Select(f => (f.Finding, f.Reported, f.Root)).ToList();
    }

    /// <summary>The closing line, after the report: what was recorded, or how many recorded findings were not found.</summary>
    public void Finish(TextWriter stderr)
    {
        if (_write is var (path, _))
            stderr.WriteLine($"paperlens: recorded {"finding".ToQuantity(_recorded)} in {path}");
        else if (_baseline is var (baseline, _) && _stale > 0)
            stderr.WriteLine($"paperlens: {"baseline entry".ToQuantity(_stale)} no longer {(_stale == 1 ? "matches" : "match")}; --write-baseline {baseline} drops {(_stale == 1 ? "it" : "them")}");
    }

    // Findings of one key (one line citing a malformed id twice) are told apart by their order among them,
    // as GitHub's own line hashes are; counted over every finding, so a filter does not renumber them.
    private static List<Found> WithFingerprints(List<Found> found)
    {
        var seen = new Dictionary<BaselineKey, int>();
        return found.Select(f =>
        {
            var occurrence = seen[f.Key!] = seen.GetValueOrDefault(f.Key!) + 1;
            return f with { Reported = f.Reported with { Fingerprint = $"{f.Key!.Fingerprint}:{occurrence}" } };
        }).ToList();
    }

    private static Baseline Read(string path) => Baseline.Parse(File.ReadAllText(path), path);

    // A run killed while writing must not leave half a baseline, which the next run could not read.
    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }
}
