namespace PaperLens.Core.Text;

/// <summary>TeX as found in titles and author lists, turned into plain Unicode text.</summary>
public static class TexText
{
    /// <summary><c>Bal\'azs</c> → <c>Balázs</c>, <c>{Mamba}</c> → <c>Mamba</c>, <c>\emph{x}</c> → <c>x</c>, <c>$\alpha$</c> → <c>α</c>; whitespace collapsed.</summary>
    public static string ToPlain(string tex) => throw new NotImplementedException("HELPER-B");
}
