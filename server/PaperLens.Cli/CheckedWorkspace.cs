using PaperLens.Cli.Commands;
using PaperLens.Cli.Output;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Config;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Text;
using PaperLens.Core.Workspace;
using PaperLens.Metadata;

namespace PaperLens.Cli;

/// <summary>One run over a directory: its configuration, its scan and its catalog, and the
/// translation of core offsets into the 1-based lines and columns every output format shows.</summary>
public sealed class CheckedWorkspace : IDisposable
{
    private readonly PaperCatalog? _catalog;
    private readonly RuleSettings _settings;

    private CheckedWorkspace(WorkspaceScan scan, PaperLensConfig config, PaperCatalog? catalog, RuleSettings settings)
    {
        Scan = scan;
        Config = config;
        _catalog = catalog;
        _settings = settings;
    }

    public WorkspaceScan Scan { get; }

    public PaperLensConfig Config { get; }

    /// <summary>Every valid id the workspace cites, once each.</summary>
    public IEnumerable<ArxivId> CitedIds =>
        Scan.Documents.SelectMany(d => d.Citations).Select(c => c.Id).OfType<ArxivId>().Distinct();

    public int CitationCount => Scan.Documents.Sum(d => d.Citations.Count);

    public static CheckedWorkspace Load(string path, string? catalogPath, bool openCatalog = true)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
            throw new CliException(File.Exists(root) ? $"{root} is a file; give the directory to check" : $"no such directory: {root}");
        var config = PaperLensConfig.Load(root);
        // Opened before the walk so that an unusable catalog fails fast, before any work.
        var catalog = openCatalog ? PaperCatalog.Open(catalogPath ?? config.Catalog ?? CatalogPaths.Default()) : null;
        var scan = WorkspaceScanner.Scan(root, config.ToWorkspaceOptions(), CancellationToken.None);
        return new CheckedWorkspace(scan, config, catalog, RuleSettings.FromConfig(config));
    }

    /// <summary>Asks arXiv about the cited papers the catalog cannot answer for, unless offline
    /// (<paramref name="offlineFlag"/>, <c>PAPERLENS_OFFLINE</c> or the configuration).</summary>
    public Task RefreshFromArxivAsync(bool offlineFlag, TextWriter stderr, CancellationToken cancellationToken)
    {
        var catalog = OpenCatalog;
        var options = MetadataOptions.Resolve(Config, offlineFlag, catalog.Path);
        return ArxivRefresh.RunAsync(catalog, options, CitedIds, stderr, cancellationToken);
    }

    public IReadOnlyList<Diagnostic> Check() => Checker.Check(Scan.Documents, OpenCatalog, _settings);

    private PaperCatalog OpenCatalog => _catalog ?? throw new InvalidOperationException("the catalog was not opened");

    public ReportedDiagnostic Locate(Diagnostic d)
    {
        var (line, column, endLine, endColumn) = Position(d.Path, d.Span);
        return new ReportedDiagnostic(d.Path, line, column, endLine, endColumn, SeverityNames.ToName(d.Severity), d.Code, d.Message, d.Id?.Canonical, d.Cell);
    }

    public ReportedCitation Locate(string path, Citation c)
    {
        var (line, column, endLine, endColumn) = Position(path, c.Span);
        var title = c.Claim is { Kind: ClaimKind.Title } titleClaim ? TexText.ToPlain(titleClaim.Text) : null;
        var name = c.Claim is { Kind: ClaimKind.Name } nameClaim ? TexText.ToPlain(nameClaim.Text) : null;
        return new ReportedCitation(path, line, column, endLine, endColumn, c.Id?.Canonical, c.Version, CitationsCommand.FormName(c.Form),
            title, name, c.AuthorYear?.Authors, c.AuthorYear?.Year, c.Cell);
    }

    private (int Line, int Column, int EndLine, int EndColumn) Position(string path, TextSpan span)
    {
        var lines = Scan.LineMapFor(path) ?? throw new InvalidOperationException($"no line map for {path}");
        var (line, column) = lines.GetPosition(span.Start);
        var (endLine, endColumn) = lines.GetPosition(span.End);
        return (line + 1, column + 1, endLine + 1, endColumn + 1);
    }

    public void Dispose() => _catalog?.Dispose();
}
