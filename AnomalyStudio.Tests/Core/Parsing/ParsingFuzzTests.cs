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
/// read or refused with <see cref="InvalidInputException"/>, never another exception and never a hang. Case counts
/// keep the three properties to a few seconds on two cores.
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

    private static bool ReadsOrRefuses(byte[] bytes, string fileName, bool forFit)
    {
        // Small limits so that the limits' own paths (long lines, many columns, decompression cap) are reached too.
        var limits = new ParseLimits { MaxLineBytes = 2048, MaxColumns = 40, MaxRecords = 500, MaxDecompressedBytes = 1 << 16 };
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
