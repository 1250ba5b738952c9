namespace AnomalyStudio.Core.Spikes;

/// <summary>
/// The G-test (log-likelihood ratio) of a 2×2 table, value × in-window, as Kibana's log rate analysis tests each
/// field value of a spike against its baseline. G = 2 Σ O ln(O/E) is χ² with one degree of freedom under independence,
/// so p = erfc(√(G/2)). Unlike Pearson's χ² it stays honest for the small counts a rare value has.
/// </summary>
public static class GTest
{
    /// <summary>p-value of <paramref name="a"/> of <paramref name="n1"/> window records against <paramref name="b"/> of <paramref name="n2"/> baseline records.</summary>
    public static double PValue(long a, long n1, long b, long n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return 1;
        }

        double total = n1 + n2, with = a + b, without = total - with;
        if (with <= 0 || without <= 0)
        {
            return 1;
        }

        var g = 2 * (Term(a, n1 * with / total) + Term(n1 - a, n1 * without / total) + Term(b, n2 * with / total) + Term(n2 - b, n2 * without / total));
        return g <= 0 ? 1 : MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(g / 2));
    }

    private static double Term(double observed, double expected) => observed <= 0 ? 0 : observed * Math.Log(observed / expected);
}
