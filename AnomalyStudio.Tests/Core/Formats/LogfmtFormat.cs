using System.Text;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Tests.Core.Formats;

/// <summary>
/// A format the product does not ship, plugged in the way a new one would be: logfmt (<c>key=value key=value</c> per
/// line), read as the table of its keys through the shared table path. It has no pretrained model of its own.
/// </summary>
public sealed class LogfmtFormat : IInputFormat
{
    public const string FormatName = "logfmt";

    public string Name => FormatName;

    public string DisplayName => "logfmt";

    public PretrainedFeatures? Pretrained => null;

    public FormatMatch Sniff(FormatSample sample) =>
        sample.Texts.All(IsLogfmt) ? new FormatMatch(0.6) : FormatMatch.None;

    public string Expected(FormatSample sample) => "a logfmt line of key=value pairs";

    public PreparedInput Prepare(SniffedInput input, PreparationContext context) =>
        TablePreparation.Prepare(this, context, rows =>
        {
            using var table = new MemoryStream(Encoding.UTF8.GetBytes(ToCsv(input.Content)));
            return new CsvTableReader().Read(table, ',', context.Limits, rows, context.CancellationToken);
        });

    private static bool IsLogfmt(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } pairs && pairs.All(p => p.IndexOf('=', StringComparison.Ordinal) > 0);

    // The keys of the first line are the header; every line then gives its values in that order.
    private static string ToCsv(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, leaveOpen: true);
        var csv = new StringBuilder();
        string[]? keys = null;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var pairs = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
            if (keys is null)
            {
                keys = pairs.Select(p => p[0]).ToArray();
                csv.AppendLine(string.Join(',', keys));
            }

            var values = pairs.ToDictionary(p => p[0], p => p[1]);
            csv.AppendLine(string.Join(',', keys.Select(k => values.GetValueOrDefault(k, string.Empty))));
        }

        return csv.ToString();
    }
}
