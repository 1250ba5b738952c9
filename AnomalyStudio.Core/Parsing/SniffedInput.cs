namespace AnomalyStudio.Core.Parsing;

/// <summary>The detected format of an input, with a stream that reads it from its first byte (after any BOM).</summary>
public sealed record SniffedInput(InputFormat Format, Stream Content, char CsvDelimiter);
