using AnomalyStudio.App.Admission;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.State;

/// <summary>
/// The results a dashboard session shows, replaced as one: the detection, the table's view of it, the file it came from
/// and its share of the server's result budget. One reference, so a render never sees one file's view of another's result.
/// </summary>
public sealed record SessionResult(DetectionResult Result, ResultsView View, string FileName, ResultReservation Memory);
