using System.Globalization;
using System.Reflection;
using AnomalyStudio.Core.Detection;

namespace AnomalyStudio.App.Configuration;

/// <summary>
/// Reads every value given under the <c>AnomalyStudio</c> section as the type its setting takes, before the binder does:
/// the binder's own failure ("Failed to convert configuration value …") is an exception with a type name in it, and an
/// unknown key is silently ignored. Here a value that is not a number, a name or a flag, and a key that is no setting,
/// become one line naming the key, the value and what is allowed (<see cref="SettingProblem"/>).
/// </summary>
public static class SettingValueCheck
{
    /// <summary>The first value of <paramref name="section"/> that its setting cannot take, or null.</summary>
    public static string? FirstProblem(IConfigurationSection section, IEnumerable<DetectorRegistration> registrations)
    {
        var detectors = registrations.ToDictionary(r => r.OptionsSection, r => r.OptionsType, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            var problem = detectors.TryGetValue(child.Key, out var optionsType)
                ? DetectorProblem(child, optionsType)
                : MemberProblem(child, typeof(AnomalyStudioOptions), detectors.Keys);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? DetectorProblem(IConfigurationSection section, Type optionsType)
    {
        foreach (var child in section.GetChildren())
        {
            var problem = string.Equals(child.Key, "Thresholds", StringComparison.OrdinalIgnoreCase)
                ? ObjectProblem(child, typeof(ThresholdSettings))
                : MemberProblem(child, optionsType, ["Thresholds"]);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ObjectProblem(IConfigurationSection section, Type type)
    {
        if (section.Value is not null && !section.GetChildren().Any())
        {
            return SettingProblem.Describe(section.Path, section.Value, "it is a group of settings (" + string.Join(", ", SettingNames(type)) + "), not one value");
        }

        return section.GetChildren().Select(child => MemberProblem(child, type, [])).FirstOrDefault(p => p is not null);
    }

    /// <summary>What is wrong with <paramref name="section"/> as the property of <paramref name="owner"/> it names, or null.</summary>
    private static string? MemberProblem(IConfigurationSection section, Type owner, IEnumerable<string> otherNames)
    {
        var property = Settable(owner).FirstOrDefault(p => string.Equals(p.Name, section.Key, StringComparison.OrdinalIgnoreCase));
        if (property is null)
        {
            var names = SettingNames(owner).Concat(otherNames).Order(StringComparer.Ordinal);
            return $"setting {section.Path} is not one AnomalyStudio knows; the settings here are {string.Join(", ", names)}.";
        }

        var type = property.PropertyType;
        if (type == typeof(string[]))
        {
            return null; // a list of names: every value is a string (KnownProxies' addresses are checked after binding)
        }

        if (IsValue(type))
        {
            return section.GetChildren().Any()
                ? SettingProblem.Describe(section.Path, "(a group)", "it is one value: " + Allowed(type))
                : ValueProblem(section.Path, section.Value, type);
        }

        return ObjectProblem(section, type);
    }

    private static string? ValueProblem(string key, string? value, Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var ok = value is not null && (type.IsEnum
            ? Enum.GetNames(type).Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
            : TryRead(value, type));
        return ok ? null : SettingProblem.Describe(key, value ?? "", Allowed(type));
    }

    private static bool TryRead(string value, Type type)
    {
        var text = value.Trim();
        return type == typeof(int) ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(long) ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(double) ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            : type == typeof(bool) && bool.TryParse(text, out _);
    }

    private static string Allowed(Type type) =>
        type == typeof(int) ? "it must be a whole number from -2147483648 to 2147483647"
        : type == typeof(long) ? "it must be a whole number"
        : type == typeof(double) ? "it must be a finite number, with '.' for decimals (0.9)"
        : type == typeof(bool) ? "it must be true or false"
        : type.IsEnum ? "it must be one of " + string.Join(", ", Enum.GetNames(type))
        : "it must be text";

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static IEnumerable<string> SettingNames(Type type) => Settable(type).Select(p => p.Name);
}
