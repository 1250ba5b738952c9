using System.Globalization;

namespace AnomalyStudio.App.Configuration;

/// <summary>
/// The one line a wrong setting gets, at the CLI (exit 2) and at the web app's start (no server, no stack trace):
/// <c>setting AnomalyStudio:Seed = 'foo' is invalid: it must be a whole number …</c>. The key is written with ':' as in
/// appsettings.json; in the environment it is the same with '__'.
/// </summary>
public static class SettingProblem
{
    public const string Prefix = AnomalyStudioOptions.Section + ":";

    public static string Describe(string key, object? value, string allowed) =>
        $"setting {key} = '{Text(value)}' is invalid: {allowed}.";

    /// <summary>
    /// The key of an ordered group (severity distances, score thresholds) to blame when the order is broken: among the
    /// values out of place, the first that was changed from its default (the user's own), else the first out of place.
    /// Each must lie above the one before (the first above <paramref name="floor"/>) and below the next (the last at most
    /// <paramref name="ceiling"/>).
    /// </summary>
    public static string? OrderProblem(string prefix, (string Name, double Value, double Default)[] ordered, double floor, double ceiling)
    {
        var wrong = new List<int>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var above = i == 0 ? floor : ordered[i - 1].Value;
            var below = i == ordered.Length - 1 ? double.PositiveInfinity : ordered[i + 1].Value;
            var value = ordered[i].Value;
            if (!(value > above && value < below && value <= ceiling))
            {
                wrong.Add(i);
            }
        }

        if (wrong.Count == 0)
        {
            return null;
        }

        var at = wrong.FirstOrDefault(i => ordered[i].Value != ordered[i].Default, wrong[0]);
        var lower = at == 0 ? $"above {Text(floor)}" : $"above {ordered[at - 1].Name} ({Text(ordered[at - 1].Value)})";
        var upper = at == ordered.Length - 1
            ? (double.IsPositiveInfinity(ceiling) ? "" : $" and at most {Text(ceiling)}")
            : $" and below {ordered[at + 1].Name} ({Text(ordered[at + 1].Value)})";
        return Describe(prefix + ordered[at].Name, ordered[at].Value, $"it must be {lower}{upper}");
    }

    /// <summary>
    /// The message of a Core options record's <see cref="ArgumentOutOfRangeException"/> ("Trees must be between 1 and
    /// 10,000.") under its setting's key; other argument errors keep their message.
    /// </summary>
    public static string FromCore(string prefix, ArgumentException error)
    {
        var message = error.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        message = message.TrimEnd('.');
        return error is ArgumentOutOfRangeException { ParamName: { Length: > 0 } name, ActualValue: var value }
            ? Describe(prefix + name, value, message)
            : $"settings under {prefix.TrimEnd(':')} are invalid: {message}.";
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => AnomalyStudio.Core.Reporting.InertText.ForTerminal(value.ToString() ?? ""),
    };
}
