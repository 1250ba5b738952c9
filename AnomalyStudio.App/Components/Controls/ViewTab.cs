namespace AnomalyStudio.App.Components.Controls;

/// <summary>One tab of <see cref="ViewTabs"/>: its key, what it says, and whether it can be chosen.</summary>
public sealed record ViewTab(string Tab, string Label, bool IsEnabled);
