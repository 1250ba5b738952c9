namespace AnomalyStudio.App.Scaling;

/// <summary>
/// This server process among several: its name (<c>AnomalyStudio:InstanceName</c>, else the machine's name) and an id
/// for this run, which a restart changes, so "the server that held your results" means this process, not its name.
/// </summary>
public sealed class ServerInstance(string name)
{
    public const string Header = "X-AnomalyStudio-Instance";

    public string Name { get; } = name;

    public string RunId { get; } = Guid.NewGuid().ToString("N");
}
