using AnomalyStudio.App;
using AnomalyStudio.App.Cli;

// A CLI verb, help (serve --help too) or an unknown verb runs without starting the web host; no arguments, "serve"
// and host settings (--urls …) serve the app.
if (CliApplication.IsCliInvocation(args))
{
    return await CliApplication.RunAsync(args);
}

var serveArgs = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
await WebApp.Build(serveArgs).RunAsync();
return 0;
