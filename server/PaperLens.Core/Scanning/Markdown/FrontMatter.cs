using Markdig.Extensions.Yaml;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>YAML front matter: its text is searched like prose (a <c>paper: https://arxiv.org/abs/…</c>
/// field is a citation), and its <c>bibliography:</c> — a string, a flow list or a block list — names the
/// .bib files pandoc keys resolve through.</summary>
internal static class FrontMatter
{
    /// <returns>The bibliography files it declares.</returns>
    public static List<string> Read(YamlFrontMatterBlock block, string text, CitationSink sink)
    {
        var lines = SourceLines.Of(block, text).ToList();
        if (lines.Count > 0)
        {
            var (start, end) = (lines[0].Start, lines[^1].End);
            foreach (var citation in TextCitationFinder.Find(text, start, end))
                sink.Add(citation);
            sink.Ignores.AddRange(CodeScanner.Scan(text, start, end, SourceLanguages.Yaml).Ignores);
            sink.CommentStretches.Add((TextSpan.FromBounds(start, end), CommentStyle.Hash));
        }
        return Bibliographies(lines.Select(l => text.Substring(l.Start, l.Length)).ToList());
    }

    private static List<string> Bibliographies(List<string> lines)
    {
        var files = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("bibliography:", StringComparison.Ordinal)) continue;
            var value = WithoutComment(lines[i]["bibliography:".Length..]).Trim();
            if (value.StartsWith('['))
                files.AddRange(value.Trim('[', ']').Split(',').Select(Unquote));
            else if (value.Length > 0)
                files.Add(Unquote(value));
            else
                for (var j = i + 1; j < lines.Count && lines[j].Length > 0 && (char.IsWhiteSpace(lines[j][0]) || lines[j][0] == '-'); j++)
                    if (lines[j].TrimStart() is var item && item.StartsWith('-'))
                        files.Add(Unquote(WithoutComment(item[1..])));
        }
        return files.Where(f => f.Length > 0).ToList();
    }

    private static string WithoutComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? value : value[..hash];
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'').Trim();
}
