namespace PaperLens.Metadata.Tests;

/// <summary>The pacer against the machine's own clock, where timers are coarser than the clock they are
/// measured by.</summary>
public sealed class RequestPacerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("paperlens-pacer-").FullName;

    [Fact]
    public async Task Timers_that_fire_early_do_not_shorten_the_interval_between_requests()
    {
        var clock = new EarlyTimers(TimeSpan.FromMilliseconds(20));
        var pacer = new RequestPacer(directory, clock);

        await (await pacer.WaitTurnAsync(CancellationToken.None)).DisposeAsync();
        var firstEnded = clock.GetUtcNow();
        await using var second = await pacer.WaitTurnAsync(CancellationToken.None);

        Assert.True(clock.GetUtcNow() - firstEnded >= RequestPacer.Interval, $"{clock.GetUtcNow() - firstEnded} after the first request");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>The system's clock, with every timer due a little before the time it was asked for.</summary>
    private sealed class EarlyTimers(TimeSpan early) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime > early ? dueTime - early : TimeSpan.Zero, period);
    }
}
