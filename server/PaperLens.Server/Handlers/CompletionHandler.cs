using System.Text.Json;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

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
        if (snapshot.Analysis.Completions(document.Path, offset, invoked, snapshot.TitleSearch) is not { } answer)
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
            Data = item.PaperId is { } id ? JsonSerializer.SerializeToElement(new CompletionItemData(id), LspJson.Context.CompletionItemData) : null,
            Command = item.AddsEntry
                ? new Command("Add to bibliography", LanguageServer.AddToBibliographyCommand, [item.PaperId!, request.TextDocument.Uri, item.InsertText])
                : null,
        }).ToList();
        return new CompletionList(answer.IsIncomplete, items);
    }

    /// <summary>Adds the paper's documentation (title, authors, abstract summary) to an item this server produced.</summary>
    public static CompletionItem Resolve(Snapshot snapshot, CompletionItem item)
    {
        if (item.Data is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || snapshot.Analysis.CompletionDocumentation(idElement.GetString()!) is not { } documentation)
            return item;
        return item with { Documentation = MarkupContent.Markdown(documentation) };
    }
}
