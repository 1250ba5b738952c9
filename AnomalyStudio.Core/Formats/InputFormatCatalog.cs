using System.Text;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Formats.Csv;
using AnomalyStudio.Core.Formats.JsonLines;
using AnomalyStudio.Core.Formats.LineLog;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// The input formats the product reads, in one place: detection asks each to sniff the decoded head and takes the most
/// confident, and the names, display names and pretrained models of formats come from here. Adding a format means one
/// folder under Formats/ and one registration in <see cref="Standard"/>. Decoding (gzip, UTF-16, Latin-1) comes first,
/// in <see cref="InputDecoder"/>; what no format recognises is refused with a message naming what each expected.
/// </summary>
public sealed class InputFormatCatalog : IPretrainedFeatureSets
{
    private const int SampleLines = 20;

    // The short names --input-format takes beside the formats' own (access|line|json|csv).
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["access"] = AccessLogFormat.FormatName,
        ["line"] = LineLogFormat.FormatName,
        ["json"] = JsonLinesFormat.FormatName,
    };

    private readonly List<IInputFormat> _formats = [];

    public InputFormatCatalog(IEnumerable<IInputFormat> formats)
    {
        foreach (var format in formats)
        {
            Register(format);
        }
    }

    /// <summary>The formats this version reads. Their order is the order of the "neither … nor" message and breaks ties.</summary>
    public static InputFormatCatalog Standard { get; } = new(
    [
        new AccessLogFormat(),
        new CsvFormat(),
        new JsonLinesFormat(),
        new LineLogFormat(),
    ]);

    public IReadOnlyList<IInputFormat> Formats => _formats;

    /// <summary>The distinct pretrained feature sets of the registered formats, in registration order.</summary>
    public IReadOnlyList<PretrainedFeatures> Pretrained =>
        _formats.Select(f => f.Pretrained).OfType<PretrainedFeatures>().DistinctBy(p => p.Kind).ToList();

    public void Register(IInputFormat format)
    {
        if (_formats.Any(f => string.Equals(f.Name, format.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"An input format called '{format.Name}' is registered already.", nameof(format));
        }

        _formats.Add(format);
    }

    /// <summary>The format called <paramref name="name"/> (or its short name: access, line, json); an unknown name is a clear error, never another format.</summary>
    public IInputFormat Get(string name)
    {
        var full = ShortNames.GetValueOrDefault(name.Trim(), name.Trim());
        return _formats.FirstOrDefault(f => string.Equals(f.Name, full, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidInputException(
                $"Unknown input format '{name}'. Known formats: {string.Join(", ", _formats.Select(f => f.Name))}; short names: {string.Join(", ", ShortNames.Keys)}.");
    }

    /// <summary>
    /// The user's choice of format, checked before any input is read: null when neither is given (detect), else the
    /// format (a log format implies a line log) and the compiled header layout.
    /// </summary>
    /// <exception cref="InvalidInputException">An unknown format name, a malformed log format, or a log format with another format than a line log.</exception>
    public FormatChoice? Choose(string? inputFormat, string? logFormat)
    {
        var format = string.IsNullOrWhiteSpace(inputFormat) ? null : Get(inputFormat);
        if (string.IsNullOrWhiteSpace(logFormat))
        {
            return format is null ? null : new FormatChoice(format);
        }

        if (format is not null and not LineLogFormat)
        {
            throw new InvalidInputException($"A log format describes a line log's header; it does not go with the input format '{inputFormat}'. Leave out one of the two.");
        }

        return new FormatChoice(format ?? _formats.OfType<LineLogFormat>().FirstOrDefault() ?? new LineLogFormat(), LineLogLayout.FromFormat(logFormat));
    }

    /// <summary>The pretrained feature set of <paramref name="kind"/>; a kind no format pretrains is a programming error.</summary>
    public PretrainedFeatures PretrainedOf(FeatureKind kind) =>
        Pretrained.FirstOrDefault(p => p.Kind == kind)
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, $"No registered format has a pretrained {kind} model; pretrained: {string.Join(", ", Pretrained.Select(p => p.Kind))}.");

    /// <summary>Generates the set's training data and prepares it as an upload of it is prepared, never fitted on itself.</summary>
    public FeatureMatrix TrainingMatrix(PretrainedFeatures features, ParseLimits limits, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            features.Generate(writer);
        }

        buffer.Position = 0;
        var prepared = InputPreparer.Prepare(buffer, features.TrainingFileName, _ => false, limits, cancellationToken: cancellationToken, formats: this);
        return prepared.Kind == features.Kind
            ? prepared.Matrix
            : throw new InvalidOperationException($"The training data of the {features.Kind} model ({features.TrainingData}) gave {prepared.Kind} features.");
    }

    /// <summary>Decodes the input and decides its format from the content (the file name only breaks doubt), or takes the user's choice.</summary>
    /// <param name="limits">Bounds for gzip decompression and line length; the defaults when null.</param>
    /// <param name="choice">The format the user asked for; null to detect it.</param>
    public SniffedInput Detect(Stream input, string? fileName = null, ParseLimits? limits = null, FormatChoice? choice = null)
    {
        limits ??= ParseLimits.Default;
        var decoded = InputDecoder.Decode(input, limits);
        try
        {
            var (format, match) = choice is null ? Sniff(decoded.Head, CompressionFreeName(fileName), limits) : Chosen(decoded.Head, CompressionFreeName(fileName), limits, choice);
            var notes = choice is null ? decoded.Notes : [.. decoded.Notes, $"Read as a {choice}, as asked: the format was not detected."];
            return new SniffedInput(format, decoded.Content, match.State) { Notes = notes };
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
    }

    private (IInputFormat Format, FormatMatch Match) Sniff(ReadOnlySpan<byte> head, string? fileName, ParseLimits limits)
    {
        // No line end in the head: with the limit within the head, the first line is over it (a 64 KiB line that
        // fills the head exactly is taken for longer); with a larger limit the line may be legal, so sniff what is here.
        if (limits.MaxLineBytes <= InputDecoder.HeadBytes && head.Length >= Math.Min(InputDecoder.HeadBytes, limits.MaxLineBytes + 1) && !head.Contains((byte)'\n'))
        {
            throw new InvalidInputException(
                $"Line 1 is longer than {limits.MaxLineBytes:N0} bytes, the longest line accepted (AnomalyStudio:MaxLineBytes).", 1);
        }

        var lines = SampleTextLines(head);
        if (lines.Count == 0)
        {
            throw new InvalidInputException("The file has only blank lines.");
        }

        var sample = new FormatSample(lines, fileName, limits);
        IInputFormat? best = null;
        var bestMatch = FormatMatch.None;
        foreach (var format in _formats)
        {
            var match = format.Sniff(sample);
            if (match.Confidence > bestMatch.Confidence)
            {
                (best, bestMatch) = (format, match);
            }
        }

        if (best is null)
        {
            var first = lines[0];
            throw new InvalidInputException(
                $"Unsupported format: line {first.Number} is neither {Neither(_formats.Select(f => f.Expected(sample)).ToList())}.", first.Number);
        }

        if (bestMatch.Refusal is { } refusal)
        {
            throw new InvalidInputException(refusal, bestMatch.RefusalLine);
        }

        return (best, bestMatch);
    }

    // The chosen format still sniffs the head for what its reader needs (a delimiter, a layout) but cannot decline it.
    private (IInputFormat Format, FormatMatch Match) Chosen(ReadOnlySpan<byte> head, string? fileName, ParseLimits limits, FormatChoice choice)
    {
        if (choice.LineLogLayout is { } layout)
        {
            return (choice.Format, new FormatMatch(1, layout));
        }

        var lines = SampleTextLines(head);
        if (lines.Count == 0)
        {
            throw new InvalidInputException("The file has only blank lines.");
        }

        var match = choice.Format.Sniff(new FormatSample(lines, fileName, limits));
        if (match.Refusal is { } refusal)
        {
            throw new InvalidInputException(refusal, match.RefusalLine);
        }

        if (choice.Format is LineLogFormat && match.State is not LineLogLayout)
        {
            throw new InvalidInputException(
                $"Line {lines[0].Number} starts with no line-log header this version knows. Give the header with a log format in loghub's notation, e.g. --log-format '<Date> <Time> <Level> <Component>: <Content>'.",
                lines[0].Number);
        }

        return (choice.Format, match);
    }

    // "a nor b, nor c, nor d": the first alternative reads as the sentence's subject, the rest as a list.
    private static string Neither(List<string> expected) =>
        expected.Count == 1 ? expected[0] : expected[0] + " nor " + string.Join(", nor ", expected.Skip(1));

    // "metrics.csv.gz" names a CSV file as much as "metrics.csv" does.
    private static string? CompressionFreeName(string? fileName) =>
        fileName is not null && fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;

    private static List<(long Number, string Text)> SampleTextLines(ReadOnlySpan<byte> head)
    {
        var lines = new List<(long, string)>();
        var number = 0L;
        while (!head.IsEmpty && lines.Count < SampleLines)
        {
            var newline = head.IndexOf((byte)'\n');
            if (newline < 0 && number > 0 && head.Length >= InputDecoder.HeadBytes / 2)
            {
                break; // a partial last line in a full head buffer: leave it out of the sample
            }

            var line = newline < 0 ? head : head[..newline];
            head = newline < 0 ? default : head[(newline + 1)..];
            number++;
            var text = Encoding.UTF8.GetString(line).TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(text))
            {
                lines.Add((number, text));
            }
        }

        return lines;
    }
}
