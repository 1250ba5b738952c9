using AnomalyStudio.Core;

namespace AnomalyStudio.App.State;

/// <summary>The words the dashboard's session shows when something did not go as asked; the previous results always stay.</summary>
public static class SessionMessages
{
    public const string Kept = " The previous results are kept.";

    public static string TooLargeToUpload(string fileName, long size, long maxBytes) =>
        $"{fileName} is {size / 1048576.0:0.#} MB; the largest file accepted is {maxBytes / 1048576.0:0.#} MB.";

    public static string UploadFailed(string fileName, Exception error) => error is OperationCanceledException
        ? "The upload was cancelled; the previous results are kept."
        : $"{fileName} could not be uploaded: {error.Message}";

    /// <summary>A run started by an upload over HTTP failed unexpectedly (no circuit awaited it to show the error).</summary>
    public static string RunFailed(string fileName) => $"{fileName} could not be analysed because of an unexpected error; the previous results are kept.";

    public static string BadInput(string fileName, InvalidInputException error) => $"{fileName}: {error.Message}";

    public const string Cancelled = "The detection was cancelled; the previous results are kept.";

    /// <summary>For a failure nobody foresaw: says so without its internals (they are logged), and that nothing was lost.</summary>
    public static string Unexpected(string fileName) =>
        $"{fileName} could not be analysed because of an unexpected error (it has been logged).{Kept}";

    public static string Released(TimeSpan idle) =>
        $"The results were released after {idle.TotalMinutes:0.#} minutes without activity.";
}
