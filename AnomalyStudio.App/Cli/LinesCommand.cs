using System.CommandLine;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// <c>bench lines</c>: only the line-log part of <c>bench</c> (<see cref="LineLogBenchmark"/>), so the line-log reader can
/// be timed and profiled without the access-log runs before it.
/// </summary>
public static class LinesCommand
{
    public static Command Create(TextWriter output)
    {
        var lines = new Option<int>("--lines") { Description = "Lines to repeat the line log to.", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Timed runs after the first (cold) one.", DefaultValueFactory = _ => 1 };
        var lineLog = new Option<FileInfo?>("--line-log") { Description = "The line log to time (default: the shared data's HDFS log)." };
        var command = new Command("lines", "Print the line-log reader's throughput (header, template mining, parameters, features) on a repeated line log.") { lines, runs, lineLog };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = CliHost.Build();
            var limits = services.GetRequiredService<DetectionPipeline>().Options.Limits; // the limits bench and detect read with
            await LineLogBenchmark.RunAsync(output, parse.GetValue(lineLog)?.FullName, parse.GetValue(lines), limits, cancellationToken, parse.GetValue(runs)).ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }
}
