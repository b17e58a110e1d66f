using System.Diagnostics;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>Delta debugging (Zeller's ddmin) over a failing episode's messages: removes chunks of messages,
/// keeping each removal after which a fresh server still fails the same way (same signature), until no
/// single chunk can go or the time is up. Batches keep their boundaries; empty ones are dropped.</summary>
public static class Minimiser
{
    public static async Task<List<List<FuzzMessage>>> MinimiseAsync(
        List<List<FuzzMessage>> batches, string signature, Func<List<List<FuzzMessage>>, Task<FuzzFailure?>> run, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var messages = batches.SelectMany((batch, index) => batch.Select(message => (Batch: index, Message: message))).ToList();
        var chunks = 2;
        while (messages.Count > 1 && clock.Elapsed < budget)
        {
            var size = (int)Math.Ceiling(messages.Count / (double)chunks);
            var removed = false;
            for (var start = 0; start < messages.Count && clock.Elapsed < budget; start += size)
            {
                var without = messages.Take(start).Concat(messages.Skip(start + size)).ToList();
                if (without.Count == 0 || (await run(Rebuild(without)))?.Signature != signature) continue;
                messages = without;
                chunks = Math.Max(chunks - 1, 2);
                removed = true;
                break;
            }
            if (removed) continue;
            if (size == 1) break;
            chunks = Math.Min(chunks * 2, messages.Count);
        }
        return Rebuild(messages);
    }

    private static List<List<FuzzMessage>> Rebuild(List<(int Batch, FuzzMessage Message)> messages) =>
        messages.GroupBy(m => m.Batch).Select(g => g.Select(m => m.Message).ToList()).ToList();
}
