using System.CommandLine;
using AnomalyStudio.Core.Detection;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// The model option of <c>detect</c>, <c>train</c> and <c>bench</c>, built from the detector catalog's registrations: its
/// help lists their names and its completions add their spellings. The catalog itself checks the value, with the
/// message and aliases the API gives, so the three verbs and the API accept the same words.
/// </summary>
public static class CliChoices
{
    public static Option<string> ModelOption(string what, params string[] extra)
    {
        var registrations = DetectorCatalog.Standard;
        var choices = extra.Concat(registrations.Select(r => r.Name)).ToList();
        var option = new Option<string>("--model", "-m")
        {
            Description = $"{what}: {string.Join(", ", choices)} (also {string.Join(", ", registrations.SelectMany(r => r.Aliases))}).",
            DefaultValueFactory = _ => extra.FirstOrDefault() ?? DetectorNames.Default,
        };
        option.CompletionSources.Add(choices.ToArray());
        return option;
    }
}
