using Plotly.Blazor;

namespace AnomalyStudio.App.Components.Controls;

/// <summary>Shared chart settings: compact margins, transparent backgrounds and text colours that follow the theme.</summary>
public static class ChartTheme
{
    public static readonly Config Config = new() { Responsive = true, DisplayLogo = false, DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False };

    public static Plotly.Blazor.Layout Layout(string title, bool dark) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.Title { Text = title, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 13 } },
        Height = 190,
        AutoSize = true,
        Margin = new Plotly.Blazor.LayoutLib.Margin { L = 40, R = 10, T = 30, B = 30 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Plotly.Blazor.LayoutLib.Font { Color = dark ? "#e0e0e0" : "#424242", Size = 11 },
        ShowLegend = false,
    };
}
