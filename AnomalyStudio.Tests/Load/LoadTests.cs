namespace AnomalyStudio.Tests.Load;

/// <summary>
/// The API load tests run alone, after the parallel tests: they measure the machine, so nothing else may share it.
/// (The dashboard load test runs in the browser collection, which is alone for the same reason.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTests
{
    public const string Name = "Load";

    /// <summary>The trait the load tests carry: <c>--filter Category=Load</c> runs just them.</summary>
    public const string Category = "Load";
}
