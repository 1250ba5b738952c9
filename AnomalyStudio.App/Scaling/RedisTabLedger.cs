using System.Globalization;
using AnomalyStudio.App.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AnomalyStudio.App.Scaling;

/// <summary>The tab ledger in Redis: one small hash per tab (file, records, server name and run), expiring with the session idle timeout.</summary>
public sealed class RedisTabLedger(IConnectionMultiplexer redis, RedisKeys keys, ServerInstance instance, IOptions<AnomalyStudioOptions> options) : ITabLedger
{
    private IDatabase Database => redis.AvailableDatabase(); // fails at once while Redis is unreachable

    public bool IsShared => true;

    public async Task RememberAsync(string tabId, string fileName, long records)
    {
        var key = keys.Tab(tabId);
        var batch = Database.CreateBatch();
        var written = Task.WhenAll(
            batch.HashSetAsync(key, [new("file", fileName), new("records", records), new("server", instance.Name), new("run", instance.RunId)]),
            batch.KeyExpireAsync(key, TimeSpan.FromSeconds(options.Value.SessionIdleTimeoutSeconds)));
        batch.Execute();
        await written;
    }

    public Task ForgetAsync(string tabId) => Database.KeyDeleteAsync(keys.Tab(tabId));

    public async Task<string?> TakeLostAsync(string tabId)
    {
        var key = keys.Tab(tabId);
        var held = await Database.HashGetAllAsync(key);
        var fields = held.ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (!fields.TryGetValue("run", out var run) || run == instance.RunId)
        {
            return null; // nothing recorded, or this very server holds them (a second tab's circuit, not a lost one)
        }

        await Database.KeyDeleteAsync(key);
        var stopped = !await Database.KeyExistsAsync(keys.Instance(run.ToString()));
        var records = fields.TryGetValue("records", out var count) && count.TryParse(out long parsed) ? parsed : 0;
        var file = fields.TryGetValue("file", out var name) ? name.ToString() : "your file";
        var server = fields.TryGetValue("server", out var holder) ? holder.ToString() : "another server";
        return stopped
            ? string.Create(CultureInfo.InvariantCulture, $"The results of {file} ({records:N0} records) were on server {server}, which has stopped; this page is now served by {instance.Name}. Upload the file again to see them.")
            : string.Create(CultureInfo.InvariantCulture, $"The results of {file} ({records:N0} records) are on server {server}, which this page can no longer reach; it is now served by {instance.Name}. Upload the file again to see them here.");
    }
}
