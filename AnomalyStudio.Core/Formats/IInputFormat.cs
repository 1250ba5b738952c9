using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// A kind of file the pipeline reads: how to recognise it from its first lines, how to turn it into features, and which
/// pretrained model scores it. Formats are registered in one <see cref="InputFormatCatalog"/>; the rest of the product
/// learns their names from there, so adding one is a folder under Formats/ and one registration line.
/// </summary>
public interface IInputFormat
{
    /// <summary>The format's name in reports and the API (<c>apache</c>, <c>csv</c>, …): lower case, stable.</summary>
    string Name { get; }

    /// <summary>The name shown to people ("Access log").</summary>
    string DisplayName { get; }

    /// <summary>
    /// How sure the format is that the sampled lines are its own (0 = not at all). The catalog takes the most
    /// confident format, the first registered on a tie; a match may also refuse the input with a message.
    /// </summary>
    FormatMatch Sniff(FormatSample sample);

    /// <summary>What the format would have needed on the first line, for the message when no format recognises a file ("an Apache/Nginx access-log line (…)").</summary>
    string Expected(FormatSample sample);

    /// <summary>Parses the recognised input and extracts its features.</summary>
    PreparedInput Prepare(SniffedInput input, PreparationContext context);

    /// <summary>The pretrained model that scores this format when the file is not its own baseline; null when it has none of its own.</summary>
    PretrainedFeatures? Pretrained { get; }
}
