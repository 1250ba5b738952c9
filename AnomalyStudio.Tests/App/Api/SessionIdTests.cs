using System.Buffers.Text;
using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.App.Configuration;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>Session ids come from the operating system's CSPRNG: never repeated, never predictable, also when created at once.</summary>
public sealed class SessionIdTests
{
    [Fact]
    public async Task Ids_created_concurrently_are_distinct_256_bit_random_values()
    {
        var store = new ApiSessionStore(Options.Create(new AnomalyStudioOptions { MaxApiSessions = 20_000 }), TimeProvider.System);

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 2_000).Select(_ => Create(store).Id).ToList())));
        var all = ids.SelectMany(i => i).ToList();

        Assert.Equal(16_000, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, id => Assert.Equal(32, Base64Url.DecodeFromChars(id).Length));
        // No shared prefix or counter: in 16,000 ids every byte position takes (nearly) all 256 values.
        var bytes = all.Select(id => Base64Url.DecodeFromChars(id)).ToList();
        for (var position = 0; position < 32; position++)
        {
            Assert.True(bytes.Select(b => b[position]).Distinct().Count() > 240, $"byte {position} varies too little");
        }

        // The public handle GET /api/session shows is not the cookie's secret.
        var session = Create(store);
        Assert.NotEqual(session.Id, session.PublicId);
        Assert.DoesNotContain(session.Id, session.PublicId, StringComparison.Ordinal);
    }

    private static ApiSession Create(ApiSessionStore store) =>
        store.TryCreate(out var session) ? session : throw new InvalidOperationException("The store is full.");
}
