using System.Diagnostics;
using System.Text;

namespace AnomalyStudio.Tests.Support;

/// <summary>What a child process writes to stdout and stderr, kept line by line for failure messages and figures.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _lines = new();

    /// <summary>Starts reading both streams of <paramref name="process"/> (started with them redirected).</summary>
    public static ProcessOutput Of(Process process)
    {
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.AppendLine(line);
            }
        }
    }
}
