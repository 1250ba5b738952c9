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

    /// <summary>
    /// Up to this many decompressed bytes a gzip input may expand at any ratio; past it, only while it has expanded at
    /// most <see cref="MaxExpansionRatio"/> times. The app sets it to its upload limit (AnomalyStudio:MaxUploadBytes),
    /// so a gzip upload may hold as much as a plain one, and a bomb is refused once it has produced that much, long
    /// before <see cref="MaxDecompressedBytes"/>.
    /// </summary>
    public long ExpansionCheckedAfterBytes { get; init; } = 100L << 20;

    /// <summary>
    /// Most times a gzip input may expand (decompressed bytes over compressed bytes read) once past
    /// <see cref="ExpansionCheckedAfterBytes"/>. Real logs and CSV files expand 4 to 21 times (gzip -9 on the shared
    /// data); a decompression bomb 250 to 1,000 times (deflate's limit is about 1,032). The same idea as Apache POI's
    /// ZipSecureFile minimum inflate ratio (0.01).
    /// </summary>
    public int MaxExpansionRatio { get; init; } = 100;

    public static ParseLimits Default { get; } = new();
}
