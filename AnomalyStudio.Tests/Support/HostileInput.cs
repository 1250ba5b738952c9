namespace AnomalyStudio.Tests.Support;

/// <summary>
/// One broken or hostile file and what a demanding user expects of it: refused with a message containing
/// <see cref="Error"/>, or, when that is null, scored, with the records, skipped lines and notes given.
/// </summary>
public sealed record HostileInput(string Name, string FileName, Func<byte[]> Content)
{
    /// <summary>A fragment of the one-line message the input is refused with; null when it must succeed.</summary>
    public string? Error { get; init; }

    /// <summary>Records scored when it succeeds (null: not checked).</summary>
    public int? Records { get; init; }

    /// <summary>Lines skipped when it succeeds, with the first one's number and a fragment of its reason.</summary>
    public (long Count, long FirstLine, string Reason)? Skipped { get; init; }

    /// <summary>A fragment of a note the result must carry.</summary>
    public string? Note { get; init; }

    public bool Succeeds => Error is null;

    public override string ToString() => Name;
}
