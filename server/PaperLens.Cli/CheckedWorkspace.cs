using PaperLens.Cli.Commands;
using PaperLens.Cli.Output;
using PaperLens.Core;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Config;
using PaperLens.Core.Gate;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;
using PaperLens.Core.Workspace;
using PaperLens.Metadata;

namespace PaperLens.Cli;

/// <summary>One run over a workspace: its configuration, its scan and its catalog, the files the command
/// reports (<see cref="WorkspaceTarget"/>), and the translation of core offsets into the places every
/// output format shows.</summary>
public sealed class CheckedWorkspace : IDisposable
{
    private readonly PaperCatalog? _catalog;
    private readonly RuleSettings _settings;
    private readonly WorkspaceTarget _target;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    private CheckedWorkspace(WorkspaceTarget target, WorkspaceScan scan, PaperLensConfig config, PaperCatalog? catalog, RuleSettings settings)
    {
        _target = target;
        Scan = scan;
        Config = config;
        _catalog = catalog;
        _settings = settings;
        Documents = scan.Documents.Where(d => target.Reports(d.Path)).ToList();
        Keys = new CiteKeyResolver(scan.Documents);
        Skipped = scan.Skipped
            .Select(group => group with { Paths = group.Paths.Where(target.Reports).ToList() })
            .Where(group => group.Count > 0)
            .ToList();
    }

    public WorkspaceScan Scan { get; }

    public PaperLensConfig Config { get; }

    /// <summary>The documents the command reports on; the rest of the workspace is read only for context.</summary>
    public IReadOnlyList<ScannedDocument> Documents { get; }

    /// <summary>The pandoc keys of the whole workspace.</summary>
    public CiteKeyResolver Keys { get; }

    /// <summary>What was not read among the files the command reports on, and why.</summary>
    public IReadOnlyList<SkippedGroup> Skipped { get; }

    /// <summary>Every valid id the reported documents cite, pandoc keys resolved, once each.</summary>
    public IEnumerable<ArxivId> CitedIds =>
        Documents.SelectMany(Keys.Resolve).Select(c => c.Id).OfType<ArxivId>().Distinct();

    public int CitationCount => Documents.Sum(d => d.Citations.Count);

    /// <param name="catalogOption">The <c>--catalog</c> argument, when the command has one.</param>
    public static CheckedWorkspace Load(WorkspaceTarget target, string? catalogOption, bool openCatalog = true)
    {
        var config = PaperLensConfig.Load(target.Root);
        // Chosen even when not opened, so that a catalog named by mistake is an error for every command.
        var catalogPath = CatalogChoice.Resolve(catalogOption, config.Catalog);
        // Opened before the walk so that an unusable catalog fails fast, before any work.
        var catalog = openCatalog ? PaperCatalog.Open(catalogPath) : null;
        var scan = WorkspaceScanner.Scan(target.Root, config.ToWorkspaceOptions(), CancellationToken.None);
        return new CheckedWorkspace(target, scan, config, catalog, RuleSettings.FromConfig(config));
    }

    /// <summary>File arguments the walk did not read nor skip: ignored, excluded, or of a kind no scanner
    /// reads. They are reported on nothing, so the user is told why.</summary>
    public IEnumerable<string> Unread()
    {
        if (_target.Files is null) yield break;
        foreach (var file in _target.Files.Order(StringComparer.Ordinal))
        {
            if (Documents.Any(d => d.Path == file) || Skipped.Any(g => g.Paths.Contains(file))) continue;
            yield return DocumentScanner.CanScan(file)
                ? $"{file} is not checked: the walk leaves it out (.gitignore, a folder such as node_modules or build output, or include/exclude in .paperlens.json)"
                : $"{file} is not checked: PaperLens reads no citations from this kind of file";
        }
    }

    /// <summary>Asks arXiv about the cited papers the catalog cannot answer for, unless offline
    /// (<paramref name="offlineFlag"/>, <c>PAPERLENS_OFFLINE</c> or the configuration).</summary>
    public Task RefreshFromArxivAsync(bool offlineFlag, TextWriter stderr, CancellationToken cancellationToken)
    {
        var catalog = OpenCatalog;
        var options = MetadataOptions.Resolve(Config, offlineFlag, catalog.Path);
        return ArxivRefresh.RunAsync(catalog, options, CitedIds, stderr, cancellationToken);
    }

    /// <summary>The findings in the reported documents, from the workspace check of the same
    /// <see cref="Analysis"/> the editor asks, so both report the same. Its index holds absolute paths;
    /// the report keeps the walk's, relative to the root.</summary>
    public IReadOnlyList<Diagnostic> Check()
    {
        var relative = Scan.Documents.ToDictionary(d => Path.Combine(Scan.Root, d.Path), d => d.Path, StringComparer.Ordinal);
        var analysis = new Analysis(WorkspaceIndex.Empty.WithScan(Scan), OpenCatalog, _settings);
        return analysis.CheckWorkspace()
            .Select(d => d with { Path = relative[d.Path] })
            .Where(d => _target.Reports(d.Path))
            .ToList();
    }

    /// <summary>The catalog, opened by <see cref="Load"/>.</summary>
    public PaperCatalog OpenCatalog => _catalog ?? throw new InvalidOperationException("the catalog was not opened");

    /// <summary>Asks arXiv for the papers that the mismatching title claims among <paramref name="findings"/>
    /// are the titles of, when the catalog knows none (PL003 naming no other paper); unless offline. True
    /// when that taught the catalog papers, so that <see cref="Check"/> is worth running again.</summary>
    public Task<bool> SearchClaimedTitlesAsync(IReadOnlyList<Diagnostic> findings, bool offlineFlag, TextWriter stderr, CancellationToken cancellationToken)
    {
        var byPath = Scan.Documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var titles = findings
            .Where(f => f.Code == RuleCatalog.TitleMismatch.Code && f.TitleOf is null && byPath.ContainsKey(f.Path))
            .SelectMany(f => byPath[f.Path].Citations.Where(c => c.Span == f.Span && c.Claim is { Kind: ClaimKind.Title }))
            .Select(c => c.Claim!.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var catalog = OpenCatalog;
        return ArxivRefresh.SearchTitlesAsync(catalog, MetadataOptions.Resolve(Config, offlineFlag, catalog.Path), titles, stderr, cancellationToken);
    }

    /// <summary>Whether the command reports on this file (a path relative to the root, with '/').</summary>
    public bool Reports(string path) => _target.Reports(path);

    /// <summary>The first and last 1-based lines a finding is about: its own range's, and its claim's (a
    /// title in a .bib entry stands on another line than the id it mismatches).</summary>
    public (int First, int Last) Lines(Diagnostic d)
    {
        var at = Place(d.Path, d.Span, null, null);
        if (d.RelatedSpan is not { } related) return (at.Line, at.EndLine);
        var claim = Place(d.Path, related, null, null);
        return (Math.Min(at.Line, claim.Line), Math.Max(at.EndLine, claim.EndLine));
    }

    /// <summary>The finding's <see cref="BaselineKey"/>, its line's text read again from the file (the walk keeps no texts).</summary>
    public BaselineKey KeyOf(Diagnostic d)
    {
        if (!_texts.TryGetValue(d.Path, out var text))
            _texts[d.Path] = text = WorkspaceFileReader.Read(Path.Combine(Scan.Root, d.Path)).Text ?? "";
        return BaselineKey.For(d, text, Scan.LineMapFor(d.Path) ?? new LineMap(text));
    }

    public ReportedDiagnostic Locate(Diagnostic d)
    {
        var at = Place(d.Path, d.Span, d.Cell, d.CellLine);
        return new ReportedDiagnostic(d.Path, at.Line, at.Column, at.EndLine, at.EndColumn, SeverityNames.ToName(d.Severity), d.Code, d.Message,
            d.Id?.Canonical, at.Cell, at.CellLine);
    }

    public ReportedCitation Locate(string path, Citation c)
    {
        var at = Place(path, c.Span, c.Cell, c.CellLine);
        var title = c.Claim is { Kind: ClaimKind.Title } titleClaim ? TexText.ToPlain(titleClaim.Text) : null;
        var name = c.Claim is { Kind: ClaimKind.Name } nameClaim ? TexText.ToPlain(nameClaim.Text) : null;
        return new ReportedCitation(path, at.Line, at.Column, at.EndLine, at.EndColumn, c.Id?.Canonical, c.Version, CitationsCommand.FormName(c.Form),
            title, name, c.AuthorYear?.Authors, c.AuthorYear?.Year, at.Cell, at.CellLine);
    }

    /// <summary>The one description of a place for people and tools: 1-based lines, 1-based columns in
    /// UTF-16 code units (as LSP and SARIF count them) in the file's own text — for a notebook the .ipynb
    /// text — and for a notebook also the 1-based cell and line within it (spec §3).</summary>
    private ReportedPlace Place(string path, TextSpan span, int? cell, int? cellLine)
    {
        var lines = Scan.LineMapFor(path) ?? throw new InvalidOperationException($"no line map for {path}");
        var (line, column) = lines.GetPosition(span.Start);
        var (endLine, endColumn) = lines.GetPosition(span.End);
        return new ReportedPlace(line + 1, column + 1, endLine + 1, endColumn + 1, cell + 1, cell is null ? null : cellLine + 1);
    }

    public void Dispose() => _catalog?.Dispose();

    private readonly record struct ReportedPlace(int Line, int Column, int EndLine, int EndColumn, int? Cell, int? CellLine);
}
