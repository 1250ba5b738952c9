using AnomalyStudio.App;
using AnomalyStudio.App.Cli;

// A CLI verb, help (serve --help too) or an unknown verb runs without starting the web host; no arguments, "serve"
// and host settings (--urls …) serve the app.
if (CliApplication.IsCliInvocation(args))
{
    return await CliApplication.RunAsync(args);
}

var serveArgs = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
WebApplication app;
try
{
    app = WebApp.Build(serveArgs);
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    // A wrong setting is the operator's input: one line naming it and exit 2, as at the CLI; no server, no stack trace.
    await Console.Error.WriteLineAsync("error: " + CliApplication.OneLine(string.Join(" ", ex.Failures)));
    return CliApplication.BadInput;
}

await app.RunAsync();
return 0;
