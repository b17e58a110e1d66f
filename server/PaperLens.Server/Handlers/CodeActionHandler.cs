using PaperLens.Core.Bibliography;
using PaperLens.Core.Features;
using PaperLens.Core.Text;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Handlers;

/// <summary>The edits the snapshot's <see cref="Core.Analysis.CodeActions"/> offers for the requested
/// range of an open document, as code actions: fixes are <c>quickfix</c> and carry the client's
/// diagnostics they resolve, and so is "Ignore this finding" (never the preferred one: a fix is better
/// than silence); rewrites are <c>refactor.rewrite</c>; "Add to bibliography" is a <c>refactor</c>
/// whose edit appends to the bibliography file, or creates it (<c>documentChanges</c> with a <c>CreateFile</c>).</summary>
public static class CodeActionHandler
{
    public const string QuickFix = "quickfix";
    public const string Rewrite = "refactor.rewrite";
    public const string Refactor = "refactor";

    public static IReadOnlyList<CodeAction> Handle(Snapshot snapshot, CodeActionParams request)
    {
        if (snapshot.Document(request.TextDocument) is not { } document
            || snapshot.Offset(document, request.Range.Start) is not { } start
            || snapshot.Offset(document, request.Range.End) is not { } end)
            return [];
        var range = TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
        var only = request.Context?.Only;
        var sent = request.Context?.Diagnostics ?? [];

        var actions = new List<CodeAction>();
        foreach (var edit in snapshot.Analysis.CodeActions(document.Path, range))
        {
            var kind = edit.Kind switch
            {
                CitationEditKind.QuickFix or CitationEditKind.Ignore => QuickFix,
                CitationEditKind.Rewrite => Rewrite,
                _ => Refactor,
            };
            if (only is { Count: > 0 } && !only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal))) continue;
            // The client's copies of the finding the fix resolves: same code, overlapping range.
            var fixes = edit.Resolves is not { } finding
                ? null
                : sent.Where(d => d.Code == finding.Code && Overlaps(d.Range, snapshot.Range(document, finding.Span))).ToList();
            actions.Add(new CodeAction(
                edit.Title,
                kind,
                edit.Bibliography is { } bibliography
                    ? BibliographyEdit(snapshot, bibliography, edit.NewText)
                    : new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [request.TextDocument.Uri] = [new TextEdit(snapshot.Range(document, edit.Span), edit.NewText)] }),
                fixes is { Count: > 0 } ? fixes : null,
                edit.Kind == CitationEditKind.QuickFix ? true : null));
        }
        return actions;
    }

    // Appended at the end of the bibliography's text, or a new file created holding the entry.
    internal static WorkspaceEdit BibliographyEdit(Snapshot snapshot, BibliographyFile file, string text)
    {
        var uri = snapshot.Uri(file.Path);
        if (file.Exists && snapshot.Index.Get(file.Path) is { } existing)
            return new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [uri] = [new TextEdit(snapshot.End(existing), text)] });
        var start = new Position(0, 0);
        return new WorkspaceEdit(null, [
            new CreateFile(uri, new CreateFileOptions(IgnoreIfExists: true)),
            new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, null), [new TextEdit(new Protocol.Range(start, start), text)]),
        ]);
    }

    private static bool Overlaps(Protocol.Range a, Protocol.Range b) => !Before(a.End, b.Start) && !Before(b.End, a.Start);

    private static bool Before(Position a, Position b) => a.Line < b.Line || a.Line == b.Line && a.Character < b.Character;
}
