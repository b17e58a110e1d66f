using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace PaperLens.Core.Text;

/// <summary>TeX as found in titles and author lists, turned into plain Unicode text.</summary>
public static class TexText
{
    private enum CommandKind
    {
        /// <summary>An accent over the next letter (<c>\'</c>, <c>\c</c>, <c>\bar</c>): a combining mark.</summary>
        Accent,
        /// <summary>A letter of its own (<c>\ss</c>, <c>\o</c>): TeX eats the spaces after it, so <c>Bj\o rn</c> is one word.</summary>
        Letter,
        /// <summary>A symbol or Greek letter.</summary>
        Symbol,
        /// <summary>Font switches and wrappers (<c>\emph</c>, <c>\it</c>): their argument stays, the command goes.</summary>
        Markup,
    }

    private readonly record struct Command(CommandKind Kind, string Text);

    // Characters that make TeX processing necessary; text without them (and without "--") only needs
    // its whitespace collapsed, which is the common case for titles.
    private static readonly SearchValues<char> TexSpecials = SearchValues.Create("\\{}$~");

    private static readonly string WhitespaceChars = new(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    private static readonly SearchValues<char> Whitespace = SearchValues.Create(WhitespaceChars);

    // Where a run of ordinary text ends: runs are copied whole, which keeps long abstracts fast.
    private static readonly SearchValues<char> RunStops = SearchValues.Create("\\{}$~-" + WhitespaceChars);

    private static readonly FrozenDictionary<string, Command> Commands = BuildCommands();

    // Accented letters as one character. string.Normalize cannot do this: the project runs with
    // InvariantGlobalization, where normalization leaves text unchanged. Per combining mark, pairs of
    // base letter and precomposed letter (generated from Unicode's canonical compositions).
    private static readonly Dictionary<string, string> CompositionsByMark = new()
    {
        ["\u0301"] = "AÁCĆEÉGǴIÍKḰLĹMḾNŃOÓPṔRŔSŚUÚWẂYÝZŹaácćeégǵiíkḱlĺmḿnńoópṕrŕsśuúwẃyýzź",
        ["\u0300"] = "AÀEÈIÌNǸOÒUÙWẀYỲaàeèiìnǹoòuùwẁyỳ",
        ["\u0302"] = "AÂCĈEÊGĜHĤIÎJĴOÔSŜUÛWŴYŶZẐaâcĉeêgĝhĥiîjĵoôsŝuûwŵyŷzẑ",
        ["\u0308"] = "AÄEËHḦIÏOÖUÜWẄXẌYŸaäeëhḧiïoötẗuüwẅxẍyÿ",
        ["\u0303"] = "AÃEẼIĨNÑOÕUŨVṼYỸaãeẽiĩnñoõuũvṽyỹ",
        ["\u0304"] = "AĀEĒGḠIĪOŌUŪYȲaāeēgḡiīoōuūyȳ",
        ["\u0307"] = "AȦBḂCĊDḊEĖFḞGĠHḢIİMṀNṄOȮPṖRṘSṠTṪWẆXẊYẎZŻaȧbḃcċdḋeėfḟgġhḣmṁnṅoȯpṗrṙsṡtṫwẇxẋyẏzż",
        ["\u0327"] = "CÇDḐEȨGĢHḨKĶLĻNŅRŖSŞTŢcçdḑeȩgģhḩkķlļnņrŗsştţ",
        ["\u030C"] = "AǍCČDĎEĚGǦHȞIǏKǨLĽNŇOǑRŘSŠTŤUǓZŽaǎcčdďeěgǧhȟiǐjǰkǩlľnňoǒrřsštťuǔzž",
        ["\u0306"] = "AĂEĔGĞIĬOŎUŬaăeĕgğiĭoŏuŭ",
        ["\u030B"] = "OŐUŰoőuű",
        ["\u0328"] = "AĄEĘIĮOǪUŲaąeęiįoǫuų",
        ["\u0323"] = "AẠBḄDḌEẸHḤIỊKḲLḶMṂNṆOỌRṚSṢTṬUỤVṾWẈYỴZẒaạbḅdḍeẹhḥiịkḳlḷmṃnṇoọrṛsṣtṭuụvṿwẉyỵzẓ",
        ["\u0331"] = "BḆDḎKḴLḺNṈRṞTṮZẔbḇdḏhẖkḵlḻnṉrṟtṯzẕ",
        ["\u030A"] = "AÅUŮaåuůwẘyẙ",
    };

    private static readonly FrozenDictionary<int, char> Compositions = BuildCompositions();

    private static readonly FrozenDictionary<string, Command>.AlternateLookup<ReadOnlySpan<char>> CommandsBySpan =
        Commands.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary><c>Bal\'azs</c> → <c>Balázs</c>, <c>{Mamba}</c> → <c>Mamba</c>, <c>\emph{x}</c> → <c>x</c>, <c>$\alpha$</c> → <c>α</c>; whitespace collapsed.</summary>
    public static string ToPlain(string tex)
    {
        if (string.IsNullOrEmpty(tex)) return string.Empty;
        if (tex.AsSpan().IndexOfAny(TexSpecials) < 0 && !tex.Contains("--", StringComparison.Ordinal))
            return CollapseWhitespace(tex);
        return Convert(tex);
    }

    /// <summary>What a control word typesets by itself, a letter or a symbol (<c>o</c> → ø, <c>alpha</c> → α);
    /// null for accents, markup and commands this table does not know.</summary>
    internal static string? Typeset(ReadOnlySpan<char> name) =>
        CommandsBySpan.TryGetValue(name, out var command) && command.Kind is CommandKind.Letter or CommandKind.Symbol ? command.Text : null;

    private static string Convert(string tex)
    {
        var output = new PlainTextBuilder(tex.Length);
        var i = 0;
        while (i < tex.Length)
        {
            var c = tex[i];
            switch (c)
            {
                case '\\':
                    i = ReadCommand(tex, i, ref output);
                    break;
                case '{':
                    i++;
                    break;
                case '}':
                    // An accent over an empty group (\'{}) has nothing to sit on.
                    output.DropPendingMark();
                    i++;
                    break;
                case '$':
                    i++;
                    break;
                case '~':
                    output.AppendSpace();
                    i++;
                    break;
                case '-' when i + 2 < tex.Length && tex[i + 1] == '-' && tex[i + 2] == '-':
                    output.Append('—');
                    i += 3;
                    break;
                case '-' when i + 1 < tex.Length && tex[i + 1] == '-':
                    output.Append('–');
                    i += 2;
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        output.AppendSpace();
                        i++;
                        break;
                    }
                    var runEnd = tex.AsSpan(i + 1).IndexOfAny(RunStops);
                    runEnd = runEnd < 0 ? tex.Length : i + 1 + runEnd;
                    output.AppendRun(tex.AsSpan(i, runEnd - i));
                    i = runEnd;
                    break;
            }
        }
        return output.ToString();
    }

    /// <summary>Reads the command at <paramref name="at"/> (a backslash) and returns the index after it.</summary>
    private static int ReadCommand(string tex, int at, ref PlainTextBuilder output)
    {
        var next = at + 1;
        if (next >= tex.Length) return next;
        var first = tex[next];
        if (!char.IsAsciiLetter(first)) return ReadControlSymbol(first, next + 1, ref output);

        var nameEnd = next;
        while (nameEnd < tex.Length && char.IsAsciiLetter(tex[nameEnd])) nameEnd++;
        var name = tex.AsSpan(next, nameEnd - next);
        if (!CommandsBySpan.TryGetValue(name, out var command))
        {
            // An unknown macro (\Q, \LaTeXe, a journal's own) keeps its name: it is usually the word meant.
            output.Append(name);
            return nameEnd;
        }
        switch (command.Kind)
        {
            case CommandKind.Accent:
                output.SetPendingMark(command.Text[0]);
                return SkipSpaces(tex, nameEnd);
            case CommandKind.Letter:
                // An accent over a dotless i or j (\'\i) means the ordinary accented letter.
                output.Append(output.HasPendingMark && name is "i" or "j" ? name : command.Text.AsSpan());
                return SkipSpaces(tex, nameEnd);
            case CommandKind.Markup:
                return SkipSpaces(tex, nameEnd);
            default:
                output.Append(command.Text.AsSpan());
                return nameEnd;
        }
    }

    private static int ReadControlSymbol(char symbol, int after, ref PlainTextBuilder output)
    {
        switch (symbol)
        {
            case '\'': output.SetPendingMark('\u0301'); break;
            case '`': output.SetPendingMark('\u0300'); break;
            case '^': output.SetPendingMark('\u0302'); break;
            case '"': output.SetPendingMark('\u0308'); break;
            case '~': output.SetPendingMark('\u0303'); break;
            case '=': output.SetPendingMark('\u0304'); break;
            case '.': output.SetPendingMark('\u0307'); break;
            case '\\' or ' ' or ',' or ';' or ':' or '>' or '\n' or '\r' or '\t': output.AppendSpace(); break;
            case '-' or '/' or '@' or '!': break;
            default: output.Append(symbol); break;
        }
        return after;
    }

    private static int SkipSpaces(string tex, int i)
    {
        while (i < tex.Length && char.IsWhiteSpace(tex[i])) i++;
        return i;
    }

    private static string CollapseWhitespace(string text)
    {
        var span = text.AsSpan();
        var needsWork = span.Length > 0 && (char.IsWhiteSpace(span[0]) || char.IsWhiteSpace(span[^1]));
        for (var at = span.IndexOfAny(Whitespace); !needsWork && at >= 0;)
        {
            // Only single ordinary spaces can stay as they are.
            if (span[at] != ' ' || char.IsWhiteSpace(span[at + 1])) needsWork = true;
            var next = span[(at + 1)..].IndexOfAny(Whitespace);
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (!needsWork) return text;

        var output = new PlainTextBuilder(text.Length);
        while (!span.IsEmpty)
        {
            var gap = span.IndexOfAny(Whitespace);
            if (gap < 0)
            {
                output.AppendRun(span);
                break;
            }
            output.AppendRun(span[..gap]);
            output.AppendSpace();
            span = span[(gap + 1)..];
        }
        return output.ToString();
    }

    /// <summary>Builds the plain text: whitespace collapsed as it goes, accents attached to the next letter.</summary>
    private struct PlainTextBuilder(int capacity)
    {
        private readonly StringBuilder _builder = new(capacity);
        private char _pendingMark;
        private bool _spacePending;

        public readonly bool HasPendingMark => _pendingMark != '\0';

        public void SetPendingMark(char mark) => _pendingMark = mark;

        public void DropPendingMark() => _pendingMark = '\0';

        public void AppendSpace() => _spacePending = _builder.Length > 0;

        public void Append(char c)
        {
            if (_spacePending)
            {
                _builder.Append(' ');
                _spacePending = false;
            }
            if (_pendingMark == '\0')
            {
                _builder.Append(c);
                return;
            }
            if (Compositions.TryGetValue(CompositionKey(c, _pendingMark), out var composed))
                _builder.Append(composed);
            else
                _builder.Append(c).Append(_pendingMark);
            _pendingMark = '\0';
        }

        public void Append(ReadOnlySpan<char> text)
        {
            foreach (var c in text) Append(c);
        }

        /// <summary>Text without whitespace or TeX: only its first letter can take a pending accent.</summary>
        public void AppendRun(ReadOnlySpan<char> run)
        {
            if (run.IsEmpty) return;
            Append(run[0]);
            _builder.Append(run[1..]);
        }

        public override readonly string ToString() => _builder.ToString();
    }

    private static int CompositionKey(char letter, char mark) => (letter << 16) | mark;

    private static FrozenDictionary<int, char> BuildCompositions()
    {
        var compositions = new Dictionary<int, char>();
        foreach (var (mark, pairs) in CompositionsByMark)
        {
            for (var i = 0; i + 1 < pairs.Length; i += 2) compositions[CompositionKey(pairs[i], mark[0])] = pairs[i + 1];
        }
        return compositions.ToFrozenDictionary();
    }

    private static FrozenDictionary<string, Command> BuildCommands()
    {
        var commands = new Dictionary<string, Command>(StringComparer.Ordinal);
        void Add(CommandKind kind, string text, params string[] names)
        {
            foreach (var name in names) commands[name] = new Command(kind, text);
        }

        Add(CommandKind.Accent, "\u0327", "c");
        Add(CommandKind.Accent, "\u030C", "v");
        Add(CommandKind.Accent, "\u0306", "u", "breve");
        Add(CommandKind.Accent, "\u030B", "H");
        Add(CommandKind.Accent, "\u0328", "k");
        Add(CommandKind.Accent, "\u0323", "d");
        Add(CommandKind.Accent, "\u0331", "b");
        Add(CommandKind.Accent, "\u030A", "r", "mathring");
        Add(CommandKind.Accent, "\u0361", "t");
        Add(CommandKind.Accent, "\u0304", "bar");
        Add(CommandKind.Accent, "\u0305", "overline");
        Add(CommandKind.Accent, "\u0302", "hat", "widehat");
        Add(CommandKind.Accent, "\u0303", "tilde", "widetilde");
        Add(CommandKind.Accent, "\u20D7", "vec");
        Add(CommandKind.Accent, "\u0307", "dot");
        Add(CommandKind.Accent, "\u0308", "ddot");
        Add(CommandKind.Accent, "\u0301", "acute");
        Add(CommandKind.Accent, "\u0300", "grave");
        Add(CommandKind.Accent, "\u030C", "check");

        Add(CommandKind.Letter, "ß", "ss");
        Add(CommandKind.Letter, "ø", "o");
        Add(CommandKind.Letter, "Ø", "O");
        Add(CommandKind.Letter, "å", "aa");
        Add(CommandKind.Letter, "Å", "AA");
        Add(CommandKind.Letter, "æ", "ae");
        Add(CommandKind.Letter, "Æ", "AE");
        Add(CommandKind.Letter, "œ", "oe");
        Add(CommandKind.Letter, "Œ", "OE");
        Add(CommandKind.Letter, "ł", "l");
        Add(CommandKind.Letter, "Ł", "L");
        Add(CommandKind.Letter, "ı", "i");
        Add(CommandKind.Letter, "ȷ", "j");
        Add(CommandKind.Letter, "þ", "th");
        Add(CommandKind.Letter, "Þ", "TH");
        Add(CommandKind.Letter, "ð", "dh");
        Add(CommandKind.Letter, "Ð", "DH");
        Add(CommandKind.Letter, "đ", "dj");
        Add(CommandKind.Letter, "Đ", "DJ");
        Add(CommandKind.Letter, "ŋ", "ng");
        Add(CommandKind.Letter, "Ŋ", "NG");

        string[] greek =
        [
            "alpha α", "beta β", "gamma γ", "delta δ", "epsilon ε", "varepsilon ε", "zeta ζ", "eta η",
            "theta θ", "vartheta θ", "iota ι", "kappa κ", "varkappa κ", "lambda λ", "mu μ", "nu ν", "xi ξ",
            "omicron ο", "pi π", "varpi π", "rho ρ", "varrho ρ", "sigma σ", "varsigma ς", "tau τ",
            "upsilon υ", "phi φ", "varphi φ", "chi χ", "psi ψ", "omega ω", "Gamma Γ", "Delta Δ",
            "Theta Θ", "Lambda Λ", "Xi Ξ", "Pi Π", "Sigma Σ", "Upsilon Υ", "Phi Φ", "Psi Ψ", "Omega Ω",
        ];
        string[] symbols =
        [
            "to →", "rightarrow →", "longrightarrow →", "leftarrow ←", "gets ←", "leftrightarrow ↔",
            "Rightarrow ⇒", "Leftarrow ⇐", "Leftrightarrow ⇔", "mapsto ↦", "times ×", "pm ±", "mp ∓",
            "infty ∞", "hbar ħ", "ell ℓ", "partial ∂", "nabla ∇", "sqrt √", "leq ≤", "le ≤", "geq ≥",
            "ge ≥", "neq ≠", "ne ≠", "approx ≈", "sim ∼", "simeq ≃", "propto ∝", "equiv ≡", "ll ≪",
            "gg ≫", "cdot ·", "circ ∘", "ldots …", "dots …", "cdots ⋯", "in ∈", "notin ∉", "subset ⊂",
            "subseteq ⊆", "cup ∪", "cap ∩", "forall ∀", "exists ∃", "emptyset ∅", "sum ∑", "prod ∏",
            "int ∫", "oint ∮", "langle ⟨", "rangle ⟩", "prime ′", "star ⋆", "ast ∗", "dagger †",
            "dag †", "ddag ‡", "S §", "P ¶", "copyright ©", "textregistered ®", "texttrademark ™",
            "textdegree °", "degree °", "textendash –", "textemdash —", "textquoteleft ‘",
            "textquoteright ’", "textquotedblleft “", "textquotedblright ”", "textasciitilde ~",
            "textbackslash \\", "textunderscore _", "textbar |", "textless <", "textgreater >",
            "textbullet •", "textperiodcentered ·", "euro €", "pounds £", "LaTeX LaTeX", "TeX TeX",
            "BibTeX BibTeX", "LaTeXe LaTeX2ε",
        ];
        foreach (var pair in greek.Concat(symbols))
        {
            var space = pair.IndexOf(' ');
            Add(CommandKind.Symbol, pair[(space + 1)..], pair[..space]);
        }

        Add(CommandKind.Markup, string.Empty,
            "emph", "textbf", "textit", "texttt", "textrm", "textsf", "textsc", "textsl", "textup", "textmd",
            "textnormal", "mathrm", "mathbf", "mathit", "mathcal", "mathbb", "mathsf", "mathtt", "mathfrak",
            "mathscr", "mathnormal", "boldsymbol", "bm", "pmb", "it", "bf", "rm", "em", "sc", "tt", "sf", "sl",
            "up", "md", "itshape", "bfseries", "scshape", "ttfamily", "rmfamily", "sffamily", "upshape",
            "mdseries", "slshape", "normalfont", "ensuremath", "mbox", "hbox", "text", "operatorname", "url",
            "nolinkurl", "protect", "relax", "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr",
            "Bigl", "Bigr", "displaystyle", "textstyle", "scriptstyle", "small", "large", "Large", "LARGE",
            "tiny", "scriptsize", "footnotesize", "normalsize", "huge", "Huge", "xspace", "lowercase",
            "uppercase", "MakeUppercase", "MakeLowercase", "textsuperscript", "textsubscript", "limits",
            "nolimits", "mathop", "mathbin", "mathrel", "noexpand", "unskip", "ignorespaces");

        return commands.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
