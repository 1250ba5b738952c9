namespace AnomalyStudio.Core.Patterns;

/// <summary>A template's text cut into its fixed words and its parameters, so every door can mark the parameters.</summary>
public static class TemplateText
{
    public const string Parameter = Parsing.LineLogs.LogTemplate.Wildcard;

    /// <summary>The runs of <paramref name="template"/> in order: literal text, and each &lt;*&gt; as a parameter.</summary>
    public static IReadOnlyList<(string Text, bool IsParameter)> Parts(string template)
    {
        var parts = new List<(string, bool)>();
        var at = 0;
        while (at < template.Length)
        {
            var next = template.IndexOf(Parameter, at, StringComparison.Ordinal);
            if (next < 0)
            {
                parts.Add((template[at..], false));
                break;
            }

            if (next > at)
            {
                parts.Add((template[at..next], false));
            }

            parts.Add((Parameter, true));
            at = next + Parameter.Length;
        }

        return parts;
    }

    /// <summary>How many parameters the template has.</summary>
    public static int ParameterCount(string template) => Parts(template).Count(p => p.IsParameter);
}
