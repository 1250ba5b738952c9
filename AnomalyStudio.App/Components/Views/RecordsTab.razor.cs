using AnomalyStudio.App.State;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AnomalyStudio.App.Components.Views;

/// <summary>The Records view: binds the results table to the circuit's <see cref="AnalysisSession"/>.</summary>
public sealed partial class RecordsTab
{
    /// <summary>The result shown (a new one re-renders the view).</summary>
    [Parameter, EditorRequired] public DetectionResult Result { get; set; } = null!;

    [Inject] public required AnalysisSession Session { get; init; }

    [Inject] public required IJSRuntime Js { get; init; }

    /// <summary>Downloads the rows the table shows, as CSV (formula-safe) or JSON, or the whole detection as one self-contained HTML page.</summary>
    private async Task ExportAsync(ReportFormat format)
    {
        if (Session.Result is not { } result || Session.View is not { } view)
        {
            return;
        }

        using var buffer = new MemoryStream();
        if (format == ReportFormat.Html)
        {
            await HtmlReportWriter.WriteAsync(buffer, result, null, CancellationToken.None);
        }
        else
        {
            await ReportWriter.WriteSelectionAsync(buffer, format, result, view.Indices, CancellationToken.None);
        }

        var name = Path.GetFileNameWithoutExtension(result.FileName) + (format == ReportFormat.Html ? ".report" : ".anomalies") + ReportWriter.Extension(format);
        await Js.DownloadAsync(name, buffer);
    }
}
