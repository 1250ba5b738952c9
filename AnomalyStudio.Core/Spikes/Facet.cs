namespace AnomalyStudio.Core.Spikes;

/// <summary>One categorical field of every record (status, URI template, client, agent …): a code per record and the values the codes stand for.</summary>
public sealed record Facet(string Name, int[] Codes, IReadOnlyList<string> Values)
{
    /// <summary>A field from its codes and the distinct values they number (as <c>TextIds.Encode</c> gives them).</summary>
    public static Facet Of(string name, (int[] Ids, IReadOnlyList<string> Texts) encoded) => new(name, encoded.Ids, encoded.Texts);
}
