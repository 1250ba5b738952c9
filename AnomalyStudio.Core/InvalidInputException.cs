namespace AnomalyStudio.Core;

/// <summary>
/// The one exception type for input the pipeline cannot use as a whole (empty, binary, unknown format,
/// no parseable record, bad option). Its message is meant for the user; the CLI turns it into exit code 2,
/// the API into HTTP 400 and the dashboard into an in-page alert.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string message, long? lineNumber = null, Exception? inner = null)
        : base(message, inner)
    {
        LineNumber = lineNumber;
    }

    public InvalidInputException() : base("Invalid input.") { }

    public InvalidInputException(string message) : base(message) { }

    public InvalidInputException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The 1-based line the problem was found on, when there is one.</summary>
    public long? LineNumber { get; }
}
