namespace AnomalyStudio.Core.Spikes;

/// <summary>Why a window differs from its baseline: the field values over-represented in it, and a sentence naming the strongest.</summary>
/// <param name="Baseline">The baseline window; null when the baseline is every record outside <paramref name="Window"/>.</param>
public sealed record SpikeExplanation(TimeWindow Window, TimeWindow? Baseline, int WindowCount, int BaselineCount, IReadOnlyList<OverRepresentedValue> Values, string Text);
