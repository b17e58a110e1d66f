namespace PaperLens.Core.Catalog;

/// <summary>The state of a catalog's content (<see cref="PaperCatalog.Version"/>): SQLite's data version,
/// which moves when another connection commits (an import in another process), and the writes made through
/// this catalog, which it does not count. Two equal versions of one catalog answer every query alike.</summary>
public readonly record struct CatalogVersion(long Committed, long Written);
