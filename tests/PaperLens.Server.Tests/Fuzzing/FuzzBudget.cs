using System.Globalization;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>How much the fuzzers do, from the environment: CI runs the defaults (about a minute in all on
/// two cores); a longer run by hand sets PAPERLENS_FUZZ_MESSAGES (e.g. 100000), another seed with
/// PAPERLENS_FUZZ_SEED, and one episode of a failing run with PAPERLENS_FUZZ_EPISODE (as the failure prints).</summary>
public sealed record FuzzBudget(int Messages, ulong Seed, int? Episode)
{
    public const int DefaultMessages = 3_000;
    public const ulong DefaultSeed = 20_250_611;

    /// <summary>How long any one answer may take before the fuzzer calls it a hang: far above what the
    /// slowest request takes on a loaded two-core machine.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    public static FuzzBudget FromEnvironment() => new(
        Read("PAPERLENS_FUZZ_MESSAGES") is { } messages ? (int)messages : DefaultMessages,
        Read("PAPERLENS_FUZZ_SEED") ?? DefaultSeed,
        Read("PAPERLENS_FUZZ_EPISODE") is { } episode ? (int)episode : null);

    /// <summary>How to run one episode again, for a failure message.</summary>
    public string Reproduce(int episode, string filter) =>
        $"PAPERLENS_FUZZ_SEED={Seed} PAPERLENS_FUZZ_EPISODE={episode} dotnet test tests/PaperLens.Server.Tests -c Release --filter {filter}";

    private static ulong? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? ulong.Parse(text, CultureInfo.InvariantCulture) : null;
}
