using System.CommandLine;
using AnomalyStudio.Core;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// The command-line door: <c>detect</c>, <c>train</c>, <c>samples</c>, <c>bench</c>, <c>models</c> and <c>serve</c>.
/// With no verb the app serves the dashboard. Exit codes: 0 success, 2 bad input or usage (one line on
/// stderr saying why), 1 an unexpected failure (one line too; the stack trace only with <c>--verbose</c>).
/// </summary>
public static class CliApplication
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    private static readonly HashSet<string> Verbs =
        new(["detect", "train", "samples", "bench", "models", "--help", "-h", "-?", "--version"], StringComparer.Ordinal);

    /// <summary>True when the arguments name a CLI verb; otherwise the web app is served.</summary>
    public static bool IsCliInvocation(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>Shows an unexpected failure's details (type, stack trace) instead of its one line; accepted by every verb.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "On an unexpected failure, print its details (the stack trace) too.", Recursive = true };

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand(
            "AnomalyStudio finds what is wrong in an Apache/Nginx access log, a line log (error log, syslog, application log), JSON lines or a CSV file. With no verb it serves the web dashboard (http://localhost:5000).")
        {
            DetectCommand.Create(output),
            TrainCommand.Create(output),
            SamplesCommand.Create(output),
            BenchCommand.Create(output),
            ModelsCommand.Create(output),
            new Command("serve", "Serve the web dashboard and HTTP API (the default when no verb is given)."),
        };
        root.Options.Add(Verbose);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync("error: " + OneLine(string.Join("; ", parse.Errors.Select(e => e.Message)))).ConfigureAwait(false);
            return BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            await error.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return BadInput;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("error: " + OneLine(string.Join(" ", ex.Failures))).ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return Failure;
        }
        catch (Exception ex)
        {
            // A bug, not the user's input: the documented exit 1 and one line, never the runtime's crash dump.
            await error.WriteLineAsync(parse.GetValue(Verbose)
                ? "error: unexpected failure: " + InertTextOf(ex.ToString())
                : $"error: unexpected failure ({ex.GetType().Name}): {OneLine(ex.Message)} (run with --verbose for details)").ConfigureAwait(false);
            return Failure;
        }
    }

    private static string InertTextOf(string details) => Core.Reporting.InertText.ForDocument(details);

    /// <summary>A message on one line, with any control characters quoted from the input made visible.</summary>
    internal static string OneLine(string message) =>
        Core.Reporting.InertText.ForTerminal(System.Text.RegularExpressions.Regex.Replace(message, @"\s+", " ").Trim());
}
