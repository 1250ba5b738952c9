namespace AnomalyStudio.Core.Parsing;

/// <summary>Bounds a parser enforces so that no input can exhaust memory.</summary>
public sealed record ParseLimits
{
    /// <summary>Longest line accepted, in bytes; longer lines are skipped (logs) or refused (CSV).</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;

    /// <summary>Most records read from one file.</summary>
    public long MaxRecords { get; init; } = 20_000_000;

    /// <summary>Most table columns accepted: a CSV header's, or the distinct keys of JSON lines (the rest are left out with a note).</summary>
    public int MaxColumns { get; init; } = 2_000;

    /// <summary>
    /// Most bytes a gzip input may decompress to. A few megabytes of gzip can expand to gigabytes (a
    /// decompression bomb), so the decompressed bytes are counted as they are read and the input refused past this.
    /// </summary>
    public long MaxDecompressedBytes { get; init; } = 1L << 30;

    public static ParseLimits Default { get; } = new();
}
