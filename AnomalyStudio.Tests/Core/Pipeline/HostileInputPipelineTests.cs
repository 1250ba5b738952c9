using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline;

/// <summary>The pipeline on the hostile corpus: each file is refused with its message or scored as a user expects.</summary>
public sealed class HostileInputPipelineTests : IDisposable
{
    // Generous: a hang fails the test instead of the run; no case comes near it.
    internal static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    private Task<DetectionResult> RunAsync(HostileInput input, string model = DetectorNames.IsolationForest, DetectionMode mode = DetectionMode.Pretrained) =>
        _test.Pipeline.RunAsync(new MemoryStream(input.Content()), new DetectionRequest { FileName = input.FileName, Model = model, Mode = mode }).WaitAsync(HangGuard);

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async Task Each_hostile_input_is_refused_with_its_message_or_scored(string name)
    {
        var input = HostileInputs.Named(name);

        if (!input.Succeeds)
        {
            var error = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(input));
            Assert.Contains(input.Error!, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
            return;
        }

        var result = await RunAsync(input);
        AssertExpected(input, result);
    }

    internal static void AssertExpected(HostileInput input, DetectionResult result)
    {
        if (input.Records is { } records)
        {
            Assert.Equal(records, result.Summary.Total);
        }

        if (input.Skipped is { } skipped)
        {
            Assert.Equal(skipped.Count, result.Summary.SkippedLines);
            Assert.Equal(skipped.FirstLine, result.SkippedExamples[0].LineNumber);
            Assert.Contains(skipped.Reason, result.SkippedExamples[0].Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(0, result.Summary.SkippedLines);
        }

        if (input.Note is { } note)
        {
            Assert.Contains(result.Notes, n => n.Contains(note, StringComparison.Ordinal));
        }

        Assert.All(result.Records.Scores, s => Assert.InRange(s, 0, 1));
    }

    [Theory]
    [InlineData("NaN, Infinity and 1e308", DetectorNames.IsolationForest, DetectionMode.Pretrained)]
    [InlineData("NaN, Infinity and 1e308", DetectorNames.IsolationForest, DetectionMode.Fit)]
    [InlineData("NaN, Infinity and 1e308", DetectorNames.Autoencoder, DetectionMode.Pretrained)]
    [InlineData("NaN, Infinity and 1e308", DetectorNames.Autoencoder, DetectionMode.Fit)]
    [InlineData("constant columns", DetectorNames.IsolationForest, DetectionMode.Fit)]
    [InlineData("constant columns", DetectorNames.Autoencoder, DetectionMode.Fit)]
    public async Task Extreme_and_constant_values_give_finite_scores_in_the_unit_interval_for_both_models(string name, string model, DetectionMode mode)
    {
        var input = HostileInputs.Named(name);

        var result = await RunAsync(input, model, mode);

        Assert.Equal(input.Records, result.Summary.Total);
        Assert.All(result.Records.Scores, s => Assert.True(double.IsFinite(s) && s is >= 0 and <= 1, $"score {s}"));
        Assert.All(result.Features.Values, v => Assert.True(double.IsFinite(v), $"feature {v}"));
    }

    [Fact]
    public async Task A_gzipped_log_gives_the_same_scores_as_the_plain_file()
    {
        var plain = await _test.RunFileAsync(TestData.Samples("sample_access.log"));
        var compressed = await RunAsync(HostileInputs.Named("gzipped sample log"));

        Assert.Equal(plain.Records.Scores, compressed.Records.Scores);
        Assert.Equal(plain.Records.Select(r => r.Line), compressed.Records.Select(r => r.Line));
    }

    [Fact]
    public async Task A_multi_member_gzip_file_is_read_whole()
    {
        var bytes = await File.ReadAllBytesAsync(TestData.Samples("sample_access.log"));
        var cut = Array.IndexOf(bytes, (byte)'\n', bytes.Length / 3) + 1;
        byte[] members = [.. HostileInputs.Gzip(bytes[..cut]), .. HostileInputs.Gzip(bytes[cut..])];

        var result = await RunAsync(new HostileInput("two members", "two.log.gz", () => members));

        Assert.Equal(5_000, result.Summary.Total);
    }

    [Fact]
    public async Task A_bomb_of_log_lines_is_refused_by_its_expansion_having_read_a_small_part_of_it()
    {
        var bomb = HostileInputs.Named("gzip bomb of log lines").Content();
        await using var counted = new CountingStream(new MemoryStream(bomb));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            _test.Pipeline.RunAsync(counted, new DetectionRequest { FileName = "lines.log.gz" }).WaitAsync(HangGuard));

        // Refused once it had produced 100 MB (the default upload limit), not at the 1 GiB decompression cap.
        Assert.Contains("expanded to more than 100 MB, ", error.Message, StringComparison.Ordinal);
        Assert.True(counted.BytesRead < bomb.Length / 5, $"read {counted.BytesRead:N0} of {bomb.Length:N0} bytes");
    }

    [Fact]
    public async Task A_bomb_is_refused_at_a_small_configured_cap_before_it_is_read_further()
    {
        using var small = new TestPipeline(new PipelineOptions { Limits = new() { MaxDecompressedBytes = 4 << 20 } }, sharedModels: true);
        var bomb = HostileInputs.Named("gzip bomb").Content();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            small.Pipeline.RunAsync(new MemoryStream(bomb), new DetectionRequest { FileName = "bomb.gz" }).WaitAsync(HangGuard));

        Assert.Equal("The gzip file decompresses to more than 4 MB, the most accepted (AnomalyStudio:MaxDecompressedBytes).", error.Message);
    }
}
