namespace AnomalyStudio.Core.Spikes;

/// <summary>One categorical field of every record (status, URI template, client, agent …): a code per record and the values the codes stand for.</summary>
public sealed record Facet(string Name, int[] Codes, IReadOnlyList<string> Values);
