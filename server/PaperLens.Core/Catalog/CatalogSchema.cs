namespace PaperLens.Core.Catalog;

/// <summary>The catalog's tables, as an ordered list of migrations: migration <c>n</c> takes a catalog
/// from schema version <c>n - 1</c> (PRAGMA user_version) to <c>n</c>. To change the schema, append one
/// entry; never edit an entry that has shipped.</summary>
internal static class CatalogSchema
{
    /// <summary>PRAGMA application_id of a PaperLens catalog ("PLns"): tells our file from any other SQLite database.</summary>
    public const long ApplicationId = 0x504C6E73;

    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1. papers: one row per paper with every field of the arXiv snapshot layout.
        //  - key: the full-text index refers to papers by rowid, and VACUUM may renumber a rowid that
        //    is not an explicit INTEGER PRIMARY KEY; id (the canonical arXiv id) is the unique lookup key.
        //  - versions: JSON ([{"version":"v1","created":"2007-04-02T19:18:42Z"}], ISO 8601 UTC dates)
        //    rather than a child table: a history is always read and written whole with its paper and
        //    never queried on its own, so a table would only add a row per version to every import and
        //    a delete-and-reinsert to every update.
        //    Written since as "1:1175541522 2:1185307827" (PaperRowCodec), JSON still read.
        //  - abstract: TEXT as written here; written since Brotli-compressed as a BLOB when that is
        //    smaller (StoredAbstract), the storage type telling the two apart, so no migration rewrites it.
        //  - authors_parsed: JSON [[last, first, suffix], ...] as in the snapshot, NULL when absent.
        //    Written since as '' when the names are what the authors text implies (DerivedAuthorNames),
        //    JSON otherwise; both read, so no migration rewrites it.
        //  - categories: space separated as in the snapshot, NULL when unknown.
        // misses: ids arXiv confirmed it does not have. papers_fts: contentless FTS5 index (the text lives
        // in papers; the index holds plain-Unicode title and authors, the id's tokens and the year of
        // submission), rowid = papers.key; contentless_delete lets an update replace a paper's entry.
        """
        CREATE TABLE papers (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            authors TEXT NOT NULL,
            abstract TEXT,
            submitter TEXT,
            comments TEXT,
            journal_ref TEXT,
            doi TEXT,
            report_no TEXT,
            categories TEXT,
            license TEXT,
            versions TEXT NOT NULL,
            versions_complete INTEGER NOT NULL,
            update_date TEXT,
            authors_parsed TEXT,
            withdrawn INTEGER NOT NULL,
            source TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        );
        CREATE TABLE misses (
            id TEXT PRIMARY KEY,
            checked_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE papers_fts USING fts5(
            title, authors, id, year,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """,
        // 2. Completion index (CompletionIndex explains the design): postings clustered by token then
        // score, the heavy prefixes with their precomputed top lists, and the postings added since the
        // lists were built. PaperCatalog.Migrate fills them from the papers of an existing catalog.
        """
        CREATE TABLE completion_postings (
            token TEXT NOT NULL,
            score INTEGER NOT NULL,
            key INTEGER NOT NULL,
            PRIMARY KEY (token, score, key)
        ) WITHOUT ROWID;
        CREATE TABLE completion_fresh (
            token TEXT NOT NULL,
            score INTEGER NOT NULL,
            key INTEGER NOT NULL,
            PRIMARY KEY (token, score, key)
        ) WITHOUT ROWID;
        CREATE TABLE completion_heavy (
            prefix TEXT PRIMARY KEY,
            postings INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE completion_top (
            prefix TEXT NOT NULL,
            score INTEGER NOT NULL,
            key INTEGER NOT NULL,
            PRIMARY KEY (prefix, score, key)
        ) WITHOUT ROWID;
        CREATE INDEX completion_top_key ON completion_top (key);
        """,
        // 3. Resumable bulk imports. completion_staged: the completion tokens (a JSON array) of papers a
        // bulk import has written but not yet indexed for completion; the import merges them into the
        // postings in one sorted pass when it completes (CompletionIndex.MergeStaged), which costs a
        // fraction of inserting them batch by batch. import_checkpoints: how far an import of a file
        // (known by its path, size and modification time) has committed, written in the same
        // transaction as each batch, so a rerun after a kill continues from there. IF NOT EXISTS: a
        // catalog rewound to an older version by hand still migrates.
        """
        CREATE TABLE IF NOT EXISTS completion_staged (
            key INTEGER PRIMARY KEY,
            score INTEGER NOT NULL,
            tokens TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS import_checkpoints (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            modified TEXT NOT NULL,
            line INTEGER NOT NULL,
            offset INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // 4. Completion ranks by where the typed words stand (CompletionRank): every paper gains the
        // key of its title's start and the key of its first author's surname followed by it
        // (CompletionText.PaperTokens). The old postings lack them, so the index is emptied here,
        // staged papers included (their token lists are of the old kind), and PaperCatalog.Migrate
        // rebuilds it from the papers.
        """
        DELETE FROM completion_postings;
        DELETE FROM completion_fresh;
        DELETE FROM completion_heavy;
        DELETE FROM completion_top;
        DELETE FROM completion_staged;
        """,
        // 5. Title searches sent to arXiv for a title claim the catalog could not place (PL003): the
        // query (its words, lower case, space separated) and when it was sent, so a search that found
        // nothing is not sent again on every check. What a search found is in papers.
        """
        CREATE TABLE IF NOT EXISTS title_searches (
            query TEXT PRIMARY KEY,
            searched_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        // 6. Completion ranks within a class by how much of the title the typed words cover, then by
        // recency (CompletionText.Score): the postings' scores were recency alone, so the index is
        // emptied as by migration 4 and PaperCatalog.Migrate rebuilds it with the new scores.
        """
        DELETE FROM completion_postings;
        DELETE FROM completion_fresh;
        DELETE FROM completion_heavy;
        DELETE FROM completion_top;
        DELETE FROM completion_staged;
        """,
    ];

    public static long Latest => Migrations.Count;
}
