using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AnomalyStudio.Tests.Core.Parsing;

/// <summary>
/// Property-based fuzzing of the format detector, the decoders and both parsers: whatever the bytes, the input is
/// read or refused with <see cref="InvalidInputException"/>, never another exception and never a hang, and what the
/// decoder hands the parsers is valid UTF-8 however it is read. Case counts keep the properties to a few seconds on two cores.
/// </summary>
public sealed class ParsingFuzzTests
{
    // A hang would otherwise stall the whole run; no input comes near this.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Property(MaxTest = 400)]
    public Property Any_bytes_are_read_or_refused_with_the_projects_error() =>
        Prop.ForAll(FuzzInputs.Files(), bytes => ReadsOrRefuses(bytes, "upload.log", forFit: false));

    [Property(MaxTest = 200)]
    public Property Any_bytes_named_csv_and_fitted_are_read_or_refused_with_the_projects_error() =>
        Prop.ForAll(FuzzInputs.Files(), bytes => ReadsOrRefuses(bytes, "upload.csv.gz", forFit: true));

    [Property(MaxTest = 2000)]
    public Property Any_line_parses_to_a_record_or_gives_a_reason() =>
        Prop.ForAll(FuzzInputs.Lines(), line =>
        {
            var parsed = AccessLogParser.TryParseLine(line, 1, new StringPool(), out var record, out var reason);
            return parsed ? record is not null : !string.IsNullOrWhiteSpace(reason);
        });

    // Small limits so that the limits' own paths (long lines, many columns, decompression cap, a bomb's ratio) are reached too.
    private static readonly ParseLimits Limits = new()
    {
        MaxLineBytes = 2048, MaxColumns = 40, MaxRecords = 500, MaxDecompressedBytes = 1 << 16, ExpansionCheckedAfterBytes = 1 << 12, MaxExpansionRatio = 20,
    };

    [Property(MaxTest = 400)]
    public Property Any_bytes_decode_to_valid_utf8_read_in_any_pieces_or_are_refused_with_the_projects_error() =>
        Prop.ForAll(FuzzInputs.Files(), Gen.Choose(1, 9000).ToArbitrary(), (bytes, piece) =>
        {
            var run = Task.Run(() =>
            {
                try
                {
                    using var decoded = InputDecoder.Decode(new MemoryStream(bytes), Limits);
                    using var text = new MemoryStream();
                    var buffer = new byte[piece];
                    int read;
                    while ((read = decoded.Content.Read(buffer)) > 0)
                    {
                        text.Write(buffer, 0, read);
                    }

                    // Whatever came in (Latin-1, UTF-16, raw shellcode bytes), the parsers get UTF-8 and lose no byte to U+FFFD.
                    return System.Text.Unicode.Utf8.IsValid(text.ToArray()) && System.Text.Unicode.Utf8.IsValid(decoded.Head);
                }
                catch (InvalidInputException ex)
                {
                    return !string.IsNullOrWhiteSpace(ex.Message);
                }
            });
            if (!run.Wait(HangGuard))
            {
                throw new TimeoutException($"Decoding {bytes.Length} bytes did not finish within {HangGuard.TotalSeconds} s.");
            }

            return run.Result;
        });

    private static bool ReadsOrRefuses(byte[] bytes, string fileName, bool forFit)
    {
        var limits = Limits;
        var run = Task.Run(() =>
        {
            try
            {
                var prepared = InputPreparer.Prepare(new MemoryStream(bytes), fileName, _ => forFit, limits);
                return prepared.Count > 0 && prepared.Matrix.Values.All(double.IsFinite);
            }
            catch (InvalidInputException ex)
            {
                return !string.IsNullOrWhiteSpace(ex.Message);
            }
        });
        if (!run.Wait(HangGuard))
        {
            throw new TimeoutException($"Preparing {bytes.Length} bytes did not finish within {HangGuard.TotalSeconds} s.");
        }

        return run.Result;
    }
}
