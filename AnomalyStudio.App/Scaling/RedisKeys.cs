namespace AnomalyStudio.App.Scaling;

/// <summary>
/// The names of everything AnomalyStudio keeps in Redis, under one prefix (<c>AnomalyStudio:RedisKeyPrefix</c>, by
/// default <c>anomalystudio:</c>), so one Redis can serve several deployments and an operator can find and flush ours.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>The data-protection key ring (antiforgery tokens, the dashboard's prerendered circuit descriptors).</summary>
    public string DataProtectionKeys => Prefix + "data-protection-keys";

    /// <summary>Sorted set of the live cookie sessions by last use, for the cap over all servers.</summary>
    public string SessionIndex => Prefix + "sessions";

    /// <summary>Hash of what a cookie session holds (file, model, version).</summary>
    public string Session(string digest) => Prefix + "session:" + digest;

    /// <summary>The session's upload, gzip-compressed.</summary>
    public string SessionInput(string digest) => Prefix + "session:" + digest + ":input";

    /// <summary>Which server holds a dashboard tab's results (file, records, server), so another server can say they were lost.</summary>
    public string Tab(string tabId) => Prefix + "tab:" + tabId;

    /// <summary>A running server's heartbeat, expiring soon after it stops.</summary>
    public string Instance(string runId) => Prefix + "instance:" + runId;
}
