namespace AnomalyStudio.Core.Formats;

/// <summary>
/// A format's answer to a sniff: its confidence (0…1), what it learnt about the input for its reader (a delimiter, a
/// header shape), or a refusal: the input looks like this format but is unusable, with the message that says why.
/// </summary>
public sealed record FormatMatch(double Confidence, object? State = null, string? Refusal = null, long? RefusalLine = null)
{
    public static FormatMatch None { get; } = new(0);

    public bool IsMatch => Confidence > 0;
}
