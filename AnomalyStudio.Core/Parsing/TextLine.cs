namespace AnomalyStudio.Core.Parsing;

/// <summary>One line of a text input with its 1-based number; <see cref="Text"/> is null when the line was over the length limit.</summary>
public readonly record struct TextLine(long Number, string? Text)
{
    public bool TooLong => Text is null;
}
