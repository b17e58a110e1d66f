using PaperLens.Core.Catalog;

namespace PaperLens.Core.Completion;

/// <summary>The papers a completion query found, best first, and whether more papers match than were returned.</summary>
public sealed record CompletionMatches(IReadOnlyList<PaperRecord> Papers, bool More);
