namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// The parameters of <see cref="DrainTemplateMiner"/>, named as in He et al., "Drain: An Online Log Parsing Approach with
/// Fixed Depth Tree" (ICWS 2017). The defaults are the paper's and loghub's benchmark settings for most data sets.
/// </summary>
public sealed record DrainOptions
{
    /// <summary>Depth of the prefix tree counting the root, the length layer and the leaf: 4 routes a message by its length and first token.</summary>
    public int Depth { get; init; } = 4;

    /// <summary>Share of a template's tokens a message must repeat to join it (the paper's st).</summary>
    public double SimilarityThreshold { get; init; } = 0.5;

    /// <summary>Most children of an inner node; further first tokens share its &lt;*&gt; child, so the tree stays bounded.</summary>
    public int MaxChildren { get; init; } = 100;

    /// <summary>
    /// How many templates that are the same but for one word make that word a value (a user or host name) rather than
    /// part of the event: fewer variants stay apart ("VM Started", "VM Paused", "VM Resumed").
    /// </summary>
    public int WordVariants { get; init; } = 5;

    public static DrainOptions Default { get; } = new();

    public DrainOptions Validate()
    {
        if (Depth < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "Depth must be at least 3 (root, length layer and leaf).");
        }

        if (SimilarityThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityThreshold), SimilarityThreshold, "SimilarityThreshold must be in (0, 1].");
        }

        if (MaxChildren < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxChildren), MaxChildren, "MaxChildren must be at least 2.");
        }

        if (WordVariants < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(WordVariants), WordVariants, "WordVariants must be at least 2.");
        }

        return this;
    }
}
