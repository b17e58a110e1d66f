using System.Text.Json;
using PaperLens.Core.Completion;
using PaperLens.Core.Identifiers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>textDocument/completion and completionItem/resolve: items carry only the paper id in
/// <c>data</c>; the abstract summary is read when the client resolves the item it shows.</summary>
public static class CompletionHandler
{
    private const int TriggerCharacter = 2;
    private const int ReferenceKind = 18;

    public static CompletionList Handle(Snapshot snapshot, CompletionParams request)
    {
        if (snapshot.Document(request.TextDocument) is not { } document || snapshot.Offset(document, request.Position) is not { } offset)
            return new CompletionList(false, []);
        var invoked = request.Context?.TriggerKind != TriggerCharacter;
        if (PaperCompletion.Complete(snapshot.Index, document, offset, invoked, snapshot.Papers) is not { } answer)
            return new CompletionList(false, []);

        var range = snapshot.Range(document, answer.Place.Query);
        var items = answer.Items.Select((item, rank) => new CompletionItem
        {
            Label = item.Label,
            Kind = ReferenceKind,
            Detail = item.Detail,
            SortText = rank.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            FilterText = item.FilterText,
            TextEdit = new TextEdit(range, item.InsertText),
            Data = item.PaperId is { } id ? JsonSerializer.SerializeToElement(new ResolveData(id)) : null,
        }).ToList();
        // Few local matches: an arXiv title search may add papers; the client asks again as the user types.
        var searching = answer.Place.Kind != CompletionPlaceKind.PandocKey
            && snapshot.TitleSearch?.Offer(CompletionQuery.Parse(answer.Place.QueryText), items.Count) == true;
        return new CompletionList(answer.IsIncomplete || searching, items);
    }

    /// <summary>Adds the paper's documentation (title, authors, abstract summary) to an item this server produced.</summary>
    public static CompletionItem Resolve(Snapshot snapshot, CompletionItem item)
    {
        if (item.Data is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("id", out var idElement) || idElement.GetString() is not { } text
            || ArxivIdParser.Parse(text) is not { Id: { } id }
            || snapshot.Papers.Find(id) is not { } paper)
            return item;
        return item with { Documentation = MarkupContent.Markdown(PaperCompletion.Documentation(paper)) };
    }

    private sealed record ResolveData([property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id);
}
