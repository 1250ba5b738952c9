using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats;

/// <summary>What every format sniffs: the first non-blank lines of the decoded head with their line numbers, and the file's name without a compression suffix.</summary>
public sealed record FormatSample(IReadOnlyList<(long Number, string Text)> Lines, string? FileName, ParseLimits Limits)
{
    public IReadOnlyList<string> Texts { get; } = Lines.Select(l => l.Text).ToList();

    /// <summary>Whether the file's name ends with one of <paramref name="extensions"/> (".csv"), ignoring case.</summary>
    public bool HasExtension(params string[] extensions) =>
        FileName is { } name && extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
