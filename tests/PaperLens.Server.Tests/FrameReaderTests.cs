using System.IO.Pipelines;
using System.Text;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Tests;

/// <summary>Frames as a stalled client sends them: the input stays open, so the reader must not wait for
/// bytes that will never come.</summary>
public class FrameReaderTests
{
    [Fact]
    public async Task A_length_counted_long_does_not_swallow_the_next_frame_while_the_client_waits()
    {
        var pipe = new Pipe();
        var first = """{"jsonrpc":"2.0","id":1,"method":"a","params":{"text":"aaaaaaaaaa"}}""";
        var second = """{"jsonrpc":"2.0","id":2,"method":"b"}""";
        await Write(pipe, $"Content-Length: {Encoding.UTF8.GetByteCount(first) * 2}\r\n\r\n{first}");
        await Write(pipe, $"Content-Length: {Encoding.UTF8.GetByteCount(second)}\r\n\r\n{second}");
        var reader = new FrameReader(pipe.Reader, _ => { });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(first, Encoding.UTF8.GetString((await reader.ReadAsync(timeout.Token))!));
        Assert.Equal(second, Encoding.UTF8.GetString((await reader.ReadAsync(timeout.Token))!));
    }

    [Fact]
    public async Task A_body_arriving_in_pieces_that_mentions_a_header_is_read_whole()
    {
        var pipe = new Pipe();
        var body = """{"jsonrpc":"2.0","method":"n","params":{"text":"Content-Length: 5\r\n\r\n{} and more"}}""";
        var bytes = Encoding.UTF8.GetBytes(body);
        await Write(pipe, $"Content-Length: {bytes.Length}\r\n\r\n");
        var reader = new FrameReader(pipe.Reader, _ => { });
        var reading = reader.ReadAsync(CancellationToken.None).AsTask();
        foreach (var chunk in bytes.Chunk(7))
        {
            await pipe.Writer.WriteAsync(chunk);
            await Task.Yield();
        }

        Assert.Equal(body, Encoding.UTF8.GetString((await reading.WaitAsync(TimeSpan.FromSeconds(10)))!));
    }

    private static async Task Write(Pipe pipe, string text) => await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text));
}
