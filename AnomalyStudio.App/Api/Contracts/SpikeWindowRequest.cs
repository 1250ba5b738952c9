namespace AnomalyStudio.App.Api.Contracts;

/// <summary>A window to explain against a baseline: the baseline is every other record unless both of its ends are given.</summary>
/// <param name="Start">Start of the window (ISO 8601, included).</param>
/// <param name="End">End of the window (excluded).</param>
/// <param name="BaselineStart">Start of the baseline window, or null.</param>
/// <param name="BaselineEnd">End of the baseline window, or null.</param>
public sealed record SpikeWindowRequest(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? BaselineStart = null, DateTimeOffset? BaselineEnd = null);
