using System.Net;
using System.Text.Json.Nodes;
using AnomalyStudio.Tests.Core.Pipeline;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>
/// <c>POST /api/detect</c> on the hostile corpus: a 400 problem with the message, or a 200 report; either way the
/// server goes on serving, so a good upload right after succeeds.
/// </summary>
public sealed class HostileInputApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async Task Detect_answers_400_with_the_message_or_200_and_keeps_serving(string name)
    {
        var input = HostileInputs.Named(name);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?limit=5", ApiRequests.Upload(input.Content(), input.FileName)).WaitAsync(HostileInputPipelineTests.HangGuard);

        if (input.Succeeds)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (input.Records is { } records)
            {
                Assert.Equal(records, report["summary"]!["total"]!.GetValue<int>());
            }

            Assert.Equal(input.Skipped?.Count ?? 0, report["summary"]!["skippedLines"]!.GetValue<long>());
        }
        else
        {
            await DetectApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, input.Error!);
        }

        using var good = await client.PostAsync("/api/detect?limit=1", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task The_configured_decompression_limit_refuses_a_gzip_upload_that_expands_past_it()
    {
        await using var small = factory.WithSettings(("AnomalyStudio:MaxDecompressedBytes", (512 * 1024).ToString()));
        using var client = small.CreateClient();

        using var response = await client.PostAsync("/api/detect", ApiRequests.Upload(HostileInputs.Named("gzipped sample log").Content(), "access.log.gz"));

        await DetectApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest,
            "The gzip file decompresses to more than 524,288 bytes, the most accepted (AnomalyStudio:MaxDecompressedBytes).");
    }
}
