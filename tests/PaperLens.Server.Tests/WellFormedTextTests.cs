using System.Buffers;
using System.Text;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Tests;

/// <summary>The repair a message's text gets before it is parsed: lone surrogate escapes become \ufffd
/// (one UTF-16 unit for one), pairs and escaped backslashes are left alone, and bytes that are not UTF-8
/// become U+FFFD.</summary>
public class WellFormedTextTests
{
    [Theory]
    [InlineData(@"{""text"":""a\ud83d b""}", @"{""text"":""a\ufffd b""}")]
    [InlineData(@"{""text"":""\uDE00 then""}", @"{""text"":""\ufffd then""}")]
    [InlineData(@"{""text"":""\ud83d\ud83d\ude00""}", @"{""text"":""\ufffd\ud83d\ude00""}")]
    [InlineData(@"{""text"":""\ude00\ud83d""}", @"{""text"":""\ufffd\ufffd""}")]
    [InlineData(@"{""text"":""ends \ud83d""}", @"{""text"":""ends \ufffd""}")]
    [InlineData(@"{""text"":""\ud83d\n""}", @"{""text"":""\ufffd\n""}")]
    public void A_lone_surrogate_escape_becomes_the_replacement_character(string message, string expected) =>
        Assert.Equal(expected, Repaired(Encoding.UTF8.GetBytes(message)));

    [Theory]
    [InlineData(@"{""text"":""\ud83d\ude00 a pair""}")]
    [InlineData(@"{""text"":""\\ud83d is text, not an escape""}")]
    [InlineData(@"{""text"":""\\\\ud83d too""}")]
    [InlineData(@"{""text"":""\u00e9\n\t\""\\""}")]
    [InlineData(@"{""text"":""\u12""}")]
    public void A_well_formed_message_is_left_as_it_is(string message) =>
        Assert.Null(WellFormedText.Repair(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(message))));

    [Fact]
    public void Bytes_that_are_not_UTF8_become_the_replacement_character_and_escapes_are_still_repaired() =>
        Assert.Equal("{\"text\":\"Caf\uFFFD\uFFFD \\ufffd\"}", Repaired([.. "{\"text\":\"Caf"u8, 0xE9, 0xFF, .. " \\ud83d\"}"u8]));

    [Fact]
    public void A_message_split_across_buffer_segments_is_repaired_whole()
    {
        var bytes = Encoding.UTF8.GetBytes(@"{""text"":""a\ud83d b""}");
        var first = new Segment(bytes.AsMemory(0, 12));
        var last = first.Append(bytes.AsMemory(12));

        var repaired = WellFormedText.Repair(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.Equal(@"{""text"":""a\ufffd b""}", Encoding.UTF8.GetString(repaired!));
    }

    private static string Repaired(byte[] message) =>
        Encoding.UTF8.GetString(WellFormedText.Repair(new ReadOnlySequence<byte>(message)) ?? throw new Xunit.Sdk.XunitException("not repaired"));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
