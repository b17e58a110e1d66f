using System.Diagnostics;
using System.Text;
using CsCheck;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>The protocol fuzzer: seeded episodes of random messages (see <see cref="ProtocolGenerators"/>)
/// against the real <c>paperlens lsp</c> process, each judged by <see cref="ProtocolOracle"/>. A failure is
/// minimised and printed with the seed and episode that make it again. CI runs <see cref="FuzzBudget.DefaultMessages"/>
/// messages; a longer run: <c>PAPERLENS_FUZZ_MESSAGES=100000 dotnet test tests/PaperLens.Server.Tests -c Release --filter Fuzz</c>.</summary>
public class ProtocolFuzzTests
{
    private const int MessagesPerEpisode = 250;
    private static readonly TimeSpan MinimisingBudget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Random_protocol_messages_never_crash_deafen_or_get_wrong_answers_from_the_server()
    {
        var budget = FuzzBudget.FromEnvironment();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var episodes = 0;
        for (var episode = budget.Episode ?? 0; sent < budget.Messages; episode++)
        {
            using var world = new FuzzWorld();
            var batches = new ProtocolGenerators(world, budget.Without).Episode(MessagesPerEpisode).Generate(new PCG((uint)episode, budget.Seed), null, out _);
            sent += batches.Sum(batch => batch.Sum(message => message.Count));
            episodes++;
            var failure = await ProtocolOracle.RunAsync(world, batches, FuzzBudget.AnswerTimeout);
            if (failure is not null)
            {
                var minimal = await Minimiser.MinimiseAsync(batches, failure.Signature, b => ProtocolOracle.RunAsync(world, b, FuzzBudget.AnswerTimeout), MinimisingBudget);
                var last = await ProtocolOracle.RunAsync(world, minimal, FuzzBudget.AnswerTimeout) ?? failure;
                Assert.Fail(Report(budget, episode, last, minimal));
            }
            if (budget.Episode is not null) break;
        }
        Console.WriteLine($"protocol fuzz: {sent} messages in {episodes} episodes, {clock.Elapsed.TotalSeconds:F0} s, seed {budget.Seed}");
    }

    private static string Report(FuzzBudget budget, int episode, FuzzFailure failure, List<List<FuzzMessage>> minimal)
    {
        var report = new StringBuilder($"{failure.Signature}: {failure.Detail}\n\nrun again: {budget.Reproduce(episode, "Random_protocol_messages")}\n\nminimal sequence (batches separated by ---):\n");
        foreach (var batch in minimal)
        {
            foreach (var message in batch) report.AppendLine(message.ToString());
            report.AppendLine("---");
        }
        return report.ToString();
    }
}
