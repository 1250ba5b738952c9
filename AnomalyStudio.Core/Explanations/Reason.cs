namespace AnomalyStudio.Core.Explanations;

/// <summary>One reason a record looks anomalous, with a strength used to order reasons (higher first).</summary>
public readonly record struct Reason(string Text, double Strength);
