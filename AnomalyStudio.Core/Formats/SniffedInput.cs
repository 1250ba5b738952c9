using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// The detected format of an input, with a stream that reads it as UTF-8 from its first byte (after any BOM, gzip
/// decompressed, transcoded), what the format's sniff learnt for its reader, and notes on how it was decoded.
/// Disposing it releases the decoders, not the caller's stream.
/// </summary>
public sealed record SniffedInput(IInputFormat Format, Stream Content, object? State = null) : IDisposable
{
    /// <summary>How the input was read, for the user (for example, decoded as Latin-1 and why); complete once <see cref="Content"/> has been read to the end.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>For a delimited table, the delimiter its sniff picked (a comma otherwise).</summary>
    public char CsvDelimiter => State is char delimiter ? delimiter : ',';

    /// <summary>For a line log, the header layout its lines were recognised by or the user gave (the reader parses only that one).</summary>
    public LineLogLayout? LineLogLayout => State as LineLogLayout;

    public void Dispose() => Content.Dispose();
}
