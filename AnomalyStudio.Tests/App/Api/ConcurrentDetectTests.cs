using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>Concurrent calls to the stateless <c>/api/detect</c> each get their own file's report, identical to the same call made alone.</summary>
public sealed class ConcurrentDetectTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Concurrent_detections_never_mix_their_files_and_score_as_they_would_alone()
    {
        using var client = factory.CreateClient();
        var lines = File.ReadAllLines(TestData.Samples("sample_access.log"));
        var uploads = Enumerable.Range(0, 12)
            .Select(i => (Name: $"client-{i}.log", Lines: 400 + (i * 97), Text: string.Join('\n', lines.Skip(i * 113).Take(400 + (i * 97))) + "\n"))
            .ToList();

        var alone = await PostAsync(client, uploads[5].Name, uploads[5].Text);
        var together = await Task.WhenAll(uploads.Select(u => PostAsync(client, u.Name, u.Text)));

        for (var i = 0; i < uploads.Count; i++)
        {
            Assert.Equal(uploads[i].Name, together[i]["file"]!.GetValue<string>());
            Assert.Equal(uploads[i].Lines, together[i]["summary"]!["total"]!.GetValue<int>());
            var firstLine = together[i]["records"]!.AsArray().Min(r => r!["line"]!.GetValue<long>());
            Assert.Equal(1, firstLine);
        }

        Assert.True(JsonNode.DeepEquals(alone["records"], together[5]["records"]), "A concurrent detection scored differently from the same detection alone.");
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string name, string text)
    {
        using var response = await client.PostAsync("/api/detect", ApiRequests.Upload(Encoding.UTF8.GetBytes(text), name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
