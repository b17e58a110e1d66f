using System.Diagnostics;
using System.Text.Json;
using PaperLens.Core.Catalog;
using PaperLens.Testing;

namespace PaperLens.Server.Tests;

/// <summary>The real <c>paperlens lsp</c> process driven by a real editor: Neovim's built-in LSP client
/// (Debian's neovim, 0.7), headless, running tests/e2e/neovim/driver.lua on a scratch copy of
/// tests/e2e/neovim/workspace. Neovim runs once for the class; each test asserts one of the checks
/// the driver recorded, so a failure names the feature and says what Neovim saw. The last check runs the
/// server online against a loopback stand-in for arXiv.</summary>
public sealed class NeovimTests(NeovimTests.Session session) : IClassFixture<NeovimTests.Session>
{
    [Fact]
    public void The_server_starts_and_initializes_from_Neovim() => session.AssertPassed("initialize");

    [Fact]
    public void Hover_on_a_citation_shows_the_paper_with_a_UTF16_range() => session.AssertPassed("hover");

    [Fact]
    public void Go_to_definition_opens_the_abstract_document() => session.AssertPassed("definition");

    [Fact]
    public void Go_to_definition_of_a_pandoc_key_opens_its_bib_entry() => session.AssertPassed("definition_of_a_pandoc_key");

    [Fact]
    public void Hover_on_a_LaTeX_cite_key_shows_the_paper_of_its_bib_entry() => session.AssertPassed("hover_on_a_latex_cite_key");

    [Fact]
    public void An_unknown_LaTeX_cite_key_is_PL008_and_commented_or_verbatim_keys_are_not() => session.AssertPassed("latex_unknown_key_is_PL008");

    [Fact]
    public void Diagnostics_reach_Neovim_with_their_codes_and_lines() => session.AssertPassed("diagnostics");

    [Fact]
    public void References_span_the_note_and_the_code_comment() => session.AssertPassed("references");

    [Fact]
    public void Completion_after_arXiv_offers_the_title_and_accepting_it_inserts_the_id() => session.AssertPassed("completion");

    [Fact]
    public void Typing_the_first_words_of_a_title_offers_that_paper_first() => session.AssertPassed("completion_of_a_title_start_picks_that_paper_first");

    [Fact]
    public void Completion_in_Markdown_prose_inserts_a_link() => session.AssertPassed("completion_in_prose_inserts_a_link");

    [Fact]
    public void Completion_in_a_code_comment_inserts_the_prefixed_id() => session.AssertPassed("completion_in_a_code_comment_inserts_the_id");

    [Fact]
    public void Completion_inside_a_pandoc_citation_inserts_the_bib_key() => session.AssertPassed("completion_of_a_pandoc_key");

    [Fact]
    public void The_accepted_completion_reaches_the_server_through_incremental_sync() => session.AssertPassed("accepted_completion_reaches_the_server");

    [Fact]
    public void A_bib_file_changed_on_disk_updates_the_diagnostics_of_the_open_draft() => session.AssertPassed("bib_changed_on_disk_updates_diagnostics");

    [Fact]
    public void Neovim_stopping_the_client_shuts_the_server_down_with_exit_code_0() => session.AssertPassed("shutdown");

    [Fact]
    public void Online_a_paper_looked_up_on_arXiv_reaches_Neovim_as_new_diagnostics_and_hover() =>
        session.AssertPassed("arxiv_lookup_refreshes_diagnostics_and_hover");

    [Fact]
    public void Neovim_exits_0_after_every_check() => session.AssertExitedCleanly();

    /// <summary>One headless Neovim run of the driver against the built server.</summary>
    public sealed class Session : IDisposable
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
        private static readonly string Driver = Path.Combine(AppContext.BaseDirectory, "e2e", "neovim", "driver.lua");
        private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "e2e", "neovim", "workspace");

        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "paperlens-nvim-" + Guid.NewGuid().ToString("N")[..12]);
        private readonly string? _problem;
        private readonly Dictionary<string, (bool Ok, string Detail)> _checks = [];
        private readonly int _exitCode;
        private readonly string _output = "";

        public Session()
        {
            if (FindOnPath("nvim") is not { } nvim)
            {
                _problem = "nvim is not on PATH. These tests need Neovim 0.7 (Debian's neovim package); .ci/run installs it "
                    + "(apt-get install neovim). Install it to run the tests locally.";
                return;
            }
            var workspace = Path.Combine(_scratch, "ws");
            CopyDirectory(Fixture, workspace);
            var result = Path.Combine(_scratch, "result.json");
            using (var arxiv = new LoopbackArxivServer())
            {
                arxiv.AddEntriesFromFile(Path.Combine(AppContext.BaseDirectory, "fixtures", "atom", "francojc_lumen__arxiv_get_by_id.xml"));
                (_exitCode, _output) = Run(nvim, workspace, result, arxiv.ApiBase);
            }
            if (!File.Exists(result))
            {
                _problem = $"Neovim wrote no result (exit code {_exitCode}):\n{_output}";
                return;
            }
            using var json = JsonDocument.Parse(File.ReadAllText(result));
            foreach (var check in json.RootElement.GetProperty("checks").EnumerateArray())
                _checks[check.GetProperty("name").GetString()!] = (check.GetProperty("ok").GetBoolean(), check.GetProperty("detail").GetString() ?? "");
        }

        public void AssertPassed(string name)
        {
            if (_problem is not null) Assert.Fail(_problem);
            if (!_checks.TryGetValue(name, out var check))
                Assert.Fail($"the driver did not get to '{name}' (an earlier check failed: {Failures()})\n{_output}");
            Assert.True(check.Ok, $"{name}: {check.Detail}");
        }

        public void AssertExitedCleanly()
        {
            if (_problem is not null) Assert.Fail(_problem);
            Assert.True(_exitCode == 0, $"nvim exited with {_exitCode}; failed checks: {Failures()}\n{_output}");
        }

        private string Failures() => string.Join("; ", _checks.Where(c => !c.Value.Ok).Select(c => $"{c.Key}: {c.Value.Detail}"));

        private (int ExitCode, string Output) Run(string nvim, string workspace, string result, Uri loopbackArxiv)
        {
            var start = new ProcessStartInfo(nvim)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workspace,
            };
            foreach (var argument in new[] { "--headless", "--clean", "-u", "NONE", "-c", "luafile " + Driver }) start.ArgumentList.Add(argument);
            // The driver's server command, one word per line.
            start.Environment["PAPERLENS_COMMAND"] = string.Join('\n', PaperLensExecutable.Command);
            // The driver passes it to `lsp --catalog`, which refuses a file that does not exist (spec §5).
            var catalog = Path.Combine(_scratch, "cache", "catalog.db");
            PaperCatalog.Open(catalog).Dispose();
            start.Environment["PAPERLENS_CATALOG"] = catalog;
            start.Environment["PAPERLENS_WORKSPACE"] = workspace;
            start.Environment["PAPERLENS_RESULT"] = result;
            start.Environment["PAPERLENS_OFFLINE"] = "1";
            start.Environment["PAPERLENS_LOOPBACK_ARXIV"] = loopbackArxiv.AbsoluteUri;
            // Neovim's own state (lsp.log, shada) stays in the scratch folder, not the user's home.
            foreach (var variable in new[] { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" })
                start.Environment[variable] = Path.Combine(_scratch, "xdg");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("nvim did not start");
            // Headless Neovim reads a redirected stdin as a buffer; end it at once.
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (-1, $"nvim was stopped after {Limit.TotalMinutes} minutes\n{stdout.Result}\n{stderr.Result}");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        private static string? FindOnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, program))
                .FirstOrDefault(File.Exists);

        private static void CopyDirectory(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public void Dispose()
        {
            if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
        }
    }
}
