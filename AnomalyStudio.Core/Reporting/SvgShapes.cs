using System.Globalization;
using System.Text;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// The geometry of the small charts drawn as inline SVG (the dashboard's sparklines and the HTML report's charts), so
/// both draw a series the same way: coordinates rounded to a tenth, y growing downwards from the top.
/// </summary>
public static class SvgShapes
{
    /// <summary>A polyline's <c>points</c> for <paramref name="counts"/> spread across <paramref name="width"/>, the largest at the top.</summary>
    public static string Sparkline(IReadOnlyList<int> counts, double width, double height)
    {
        if (counts.Count == 0)
        {
            return string.Empty;
        }

        var most = Math.Max(1, counts.Max());
        var step = counts.Count == 1 ? 0 : width / (counts.Count - 1);
        var builder = new StringBuilder(counts.Count * 10);
        for (var i = 0; i < counts.Count; i++)
        {
            var y = height - (height * counts[i] / most);
            builder.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : " ")}{Math.Round(i * step, 1)},{Math.Round(y, 1)}");
        }

        return builder.ToString();
    }

    /// <summary>A number for an SVG attribute (invariant, a tenth).</summary>
    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
