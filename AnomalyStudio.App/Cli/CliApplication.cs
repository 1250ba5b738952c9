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

    private static readonly HashSet<string> HelpTokens = new(["--help", "-h", "-?"], StringComparer.Ordinal);

    /// <summary>
    /// True when the command line is for the CLI: a verb, help (<c>serve --help</c> too), or a first word that is no
    /// verb (answered with the usage and exit 2, never a server started by a typo). The web app is served with no
    /// arguments, with <c>serve</c>, and with host settings (<c>--urls …</c>, <c>key=value</c>).
    /// </summary>
    public static bool IsCliInvocation(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0]) || IsUnknownVerb(args[0]) || (args[0] == "serve" && args.Skip(1).Any(HelpTokens.Contains)));

    // ASP.NET Core's command line takes settings as --key value, /key value or key=value; any other first word is meant as a verb.
    private static bool IsUnknownVerb(string first) =>
        first != "serve" && !Verbs.Contains(first) && !first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=');

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
            new Command("serve", "Serve the web dashboard and HTTP API (the default when no verb is given) on http://localhost:5000. "
                + "Host settings follow as --key value or key=value, as in any ASP.NET Core app: --urls http://127.0.0.1:8080, "
                + "--AnomalyStudio:MaxUploadBytes 52428800; or come from the environment (ASPNETCORE_URLS, AnomalyStudio__MaxUploadBytes)."),
        };
        root.Options.Add(Verbose);

        if (args.Length > 0 && IsUnknownVerb(args[0]))
        {
            // A typo must not start a server: say so, then show what the verbs are.
            await error.WriteLineAsync($"error: unknown verb '{OneLine(args[0])}'; the verbs are detect, train, samples, bench, models and serve.").ConfigureAwait(false);
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error }).ConfigureAwait(false);
            return BadInput;
        }

        if (args.Length > 0 && args[0] == "serve")
        {
            // Only help reaches here for serve; its host settings are not the CLI's to parse.
            args = ["serve", "--help"];
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // What is wrong on the first line; then the usage of the verb it was meant for (an unknown option, a missing argument).
            await error.WriteLineAsync("error: " + OneLine(string.Join("; ", parse.Errors.Select(e => e.Message)))).ConfigureAwait(false);
            await error.WriteLineAsync().ConfigureAwait(false);
            await root.Parse([.. VerbPath(parse.CommandResult), "--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error }).ConfigureAwait(false);
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

    /// <summary>The verbs leading to <paramref name="result"/> (<c>bench quality</c>), without the root.</summary>
    private static List<string> VerbPath(System.CommandLine.Parsing.CommandResult result)
    {
        var path = new List<string>();
        for (var at = result; at is not null && at.Command is not RootCommand; at = at.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, at.Command.Name);
        }

        return path;
    }

    private static string InertTextOf(string details) => Core.Reporting.InertText.ForDocument(details);

    /// <summary>A message on one line, with any control characters quoted from the input made visible.</summary>
    internal static string OneLine(string message) =>
        Core.Reporting.InertText.ForTerminal(System.Text.RegularExpressions.Regex.Replace(message, @"\s+", " ").Trim());
}
