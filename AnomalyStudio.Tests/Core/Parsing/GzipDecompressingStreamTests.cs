using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

/// <summary>
/// The gzip reader's bounds: past <see cref="ParseLimits.ExpansionCheckedAfterBytes"/> a bomb is refused by its
/// expansion ratio, having read a small part of itself, while real text that expands like text is read whole.
/// Bombs are generated here (one compressed member, repeated); no timing is asserted, only how far the reader got.
/// </summary>
public sealed class GzipDecompressingStreamTests
{
    private static readonly ParseLimits FourMegabytes = new() { ExpansionCheckedAfterBytes = 4 << 20 };

    [Theory]
    [InlineData("zeros")]
    [InlineData("log lines")]
    public void A_bomb_is_refused_once_past_the_limit_having_read_a_small_part_of_it(string kind)
    {
        var bomb = kind == "zeros"
            ? HostileInputs.GzipBomb([], new byte[1], 1_024)
            : HostileInputs.GzipBomb([], Encoding.UTF8.GetBytes(HostileInputs.SampleLines(1)), 1_024);
        using var counted = new CountingStream(new MemoryStream(bomb));
        using var gzip = new GzipDecompressingStream(counted, FourMegabytes);

        var error = Assert.Throws<InvalidInputException>(() => gzip.CopyTo(Stream.Null));

        Assert.StartsWith("The gzip file looks like a decompression bomb: its first ", error.Message, StringComparison.Ordinal);
        Assert.Contains(" expanded to more than 4 MB, ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            "times; past 4 MB (AnomalyStudio:MaxUploadBytes) a gzip file may expand at most 100 times (AnomalyStudio:MaxExpansionRatio), and logs expand about 10.",
            error.Message, StringComparison.Ordinal);
        Assert.InRange(gzip.BytesDecompressed, (4 << 20) + 1, (4 << 20) + (1 << 20)); // stopped within a read of the limit…
        Assert.True(counted.BytesRead < bomb.Length / 20, $"read {counted.BytesRead:N0} of {bomb.Length:N0} bytes"); // …having read little of the file
    }

    [Fact]
    public void A_real_log_is_read_whole_past_the_limit_because_it_expands_like_text()
    {
        var plain = File.ReadAllBytes(TestData.Samples("sample_access.log"));
        using var gzip = new GzipDecompressingStream(new MemoryStream(HostileInputs.Gzip(plain)), new ParseLimits { ExpansionCheckedAfterBytes = 64 * 1024 });
        using var copy = new MemoryStream();

        gzip.CopyTo(copy);

        Assert.Equal(plain, copy.ToArray());
    }

    [Fact]
    public void Text_within_the_limit_is_read_whatever_its_ratio()
    {
        var bomb = HostileInputs.GzipBomb([], Encoding.UTF8.GetBytes(HostileInputs.SampleLines(1)), 3);
        using var gzip = new GzipDecompressingStream(new MemoryStream(bomb), FourMegabytes);

        gzip.CopyTo(Stream.Null);

        Assert.True(gzip.BytesDecompressed > 100 * bomb.Length, $"{gzip.BytesDecompressed:N0} from {bomb.Length:N0}");
    }

    [Fact]
    public void The_absolute_limit_still_applies_below_the_ratio_check()
    {
        var plain = File.ReadAllBytes(TestData.Samples("sample_access.log"));
        using var gzip = new GzipDecompressingStream(new MemoryStream(HostileInputs.Gzip(plain)), new ParseLimits { MaxDecompressedBytes = 100_000 });

        var error = Assert.Throws<InvalidInputException>(() => gzip.CopyTo(Stream.Null));

        Assert.Equal("The gzip file decompresses to more than 100,000 bytes, the most accepted (AnomalyStudio:MaxDecompressedBytes).", error.Message);
    }
}
