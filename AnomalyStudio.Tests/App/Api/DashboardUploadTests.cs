using System.Net;
using System.Net.Http.Headers;
using AnomalyStudio.App.State;
using AnomalyStudio.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>
/// The dashboard's upload over plain HTTP: a file posted as the raw body to a circuit session's ticket lands in that
/// session and is analysed there through its usual admission; the upload limit holds, and a ticket works only while its
/// session lives.
/// </summary>
public sealed class DashboardUploadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_file_posted_to_a_sessions_ticket_is_analysed_in_that_session()
    {
        using var scope = factory.Services.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<AnalysisSession>();
        Assert.NotNull(session.UploadTicket);
        using var client = factory.CreateClient();
        var path = TestData.Samples("sample_access.log");

        using var response = await PostAsync(client, session.UploadTicket!, "sample_access.log", await File.ReadAllBytesAsync(path));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForResultAsync(session);
        Assert.Null(session.Error);
        Assert.Equal("sample_access.log", session.FileName);
        Assert.Equal(File.ReadLines(path).Count(), session.Result!.Summary.Total);
        Assert.NotNull(session.Result.Entities); // the dashboard's run: entities and spikes too
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_and_the_session_says_why()
    {
        await using var small = factory.WithSettings(("AnomalyStudio:MaxUploadBytes", "1000"));
        using var scope = small.Services.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<AnalysisSession>();
        using var client = small.CreateClient();

        using var response = await PostAsync(client, session.UploadTicket!, "big.log", new byte[1001]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("big.log is 0 MB; the largest file accepted is 0 MB.", session.Error);
        Assert.Null(session.Result);
        Assert.False(session.IsRunning);
    }

    [Fact]
    public async Task A_ticket_is_refused_once_its_session_has_ended_and_an_unknown_one_always()
    {
        string ticket;
        using (var scope = factory.Services.CreateScope())
        {
            ticket = scope.ServiceProvider.GetRequiredService<AnalysisSession>().UploadTicket!;
            Assert.NotNull(factory.Services.GetRequiredService<DashboardUploads>().Find(ticket));
        }

        Assert.Null(factory.Services.GetRequiredService<DashboardUploads>().Find(ticket));
        using var client = factory.CreateClient();
        using var ended = await PostAsync(client, ticket, "a.log", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.NotFound, ended.StatusCode);
        using var unknown = await PostAsync(client, "not-a-ticket", "a.log", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string ticket, string name, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/dashboard/upload/{Uri.EscapeDataString(ticket)}?name={Uri.EscapeDataString(name)}", content);
    }

    /// <summary>The run goes on after the answer, in the session, as the page would see it.</summary>
    private static async Task WaitForResultAsync(AnalysisSession session)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((session.Result is null || session.IsRunning) && session.Error is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
