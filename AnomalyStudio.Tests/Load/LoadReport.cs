using System.Globalization;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Load;

/// <summary>
/// The figures of a load test, written as they come to the test output and appended to
/// <c>TestResults/load.txt</c> under the repository, where they can be copied into the README.
/// </summary>
public sealed class LoadReport(ITestOutputHelper output, string title)
{
    public static string FilePath { get; } = Path.Combine(Support.TestData.RepositoryRoot, "TestResults", "load.txt");

    private readonly List<string> _lines = [$"== {title} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, scale {LoadScale.Current.Name}: {LoadScale.Variable}={Environment.GetEnvironmentVariable(LoadScale.Variable) ?? "(unset)"})"];

    public void Line(FormattableString line) => _lines.Add(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes what was collected; called in a finally block, so a failed run still leaves its figures.</summary>
    public void Flush()
    {
        foreach (var line in _lines)
        {
            output.WriteLine(line);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.AppendAllLines(FilePath, [.. _lines, string.Empty]);
        _lines.Clear();
    }

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}
