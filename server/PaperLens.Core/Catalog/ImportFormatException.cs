namespace PaperLens.Core.Catalog;

/// <summary>A file offered for import is of no format the <see cref="PaperImporters"/> know; the message
/// names the file and every format they do know.</summary>
public sealed class ImportFormatException(string message) : PaperLensException(message);
