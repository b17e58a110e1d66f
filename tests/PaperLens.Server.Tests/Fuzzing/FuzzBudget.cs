using System.Globalization;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>How much the fuzzers do, from the environment: CI runs the defaults (about a minute in all on
/// two cores); a longer run by hand sets PAPERLENS_FUZZ_MESSAGES (e.g. 100000), another seed with
/// PAPERLENS_FUZZ_SEED, one episode of a failing run with PAPERLENS_FUZZ_EPISODE (as the failure prints), and
/// leaves kinds of message out with PAPERLENS_FUZZ_WITHOUT (comma-separated <see cref="ProtocolGenerators.Kinds"/>),
/// to look past a known failure while it is being fixed.</summary>
public sealed record FuzzBudget(int Messages, ulong Seed, int? Episode, IReadOnlySet<string> Without)
{
    public const int DefaultMessages = 3_000;
    public const ulong DefaultSeed = 20_250_611;

    /// <summary>How long any one answer may take before the fuzzer calls it a hang: far above what the
    /// slowest request takes on a loaded two-core machine.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    public static FuzzBudget FromEnvironment() => new(
        Read("PAPERLENS_FUZZ_MESSAGES") is { } messages ? (int)messages : DefaultMessages,
        Read("PAPERLENS_FUZZ_SEED") ?? DefaultSeed,
        Read("PAPERLENS_FUZZ_EPISODE") is { } episode ? (int)episode : null,
        Kinds(Environment.GetEnvironmentVariable("PAPERLENS_FUZZ_WITHOUT")));

    /// <summary>How to run one episode again, for a failure message.</summary>
    public string Reproduce(int episode, string filter) =>
        (Without.Count > 0 ? $"PAPERLENS_FUZZ_WITHOUT={string.Join(',', Without)} " : "")
        + $"PAPERLENS_FUZZ_SEED={Seed} PAPERLENS_FUZZ_EPISODE={episode} dotnet test tests/PaperLens.Server.Tests -c Release --filter {filter}";

    private static HashSet<string> Kinds(string? names)
    {
        var kinds = (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = kinds.Except(ProtocolGenerators.Kinds).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"PAPERLENS_FUZZ_WITHOUT: no kind of message is called {string.Join(", ", unknown)}; the kinds: {string.Join(", ", ProtocolGenerators.Kinds)}");
        return kinds;
    }

    private static ulong? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? ulong.Parse(text, CultureInfo.InvariantCulture) : null;
}
