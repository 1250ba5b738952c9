using System.Collections.Concurrent;
using System.Net;
using AnomalyStudio.App.Security;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>
/// Uploads buffered to disk live in the process's private temporary directory and are gone when the request ends,
/// failed or not. Runs alone: the directory is shared by every app the test process hosts, and another test's
/// upload in flight would look like a file left behind.
/// </summary>
[Collection(Name)]
public sealed class UploadTempFileTests(UploadTempFileTests.WatchingFactory factory) : IClassFixture<UploadTempFileTests.WatchingFactory>
{
    public const string Name = "Private temp directory";

    [Fact]
    public async Task A_buffered_upload_is_private_and_deleted_when_the_detection_fails()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(PrivateTempDirectory.Directory.FullName));
        using var client = factory.CreateClient();
        var csv = File.ReadAllBytes(TestData.Samples("sample_metrics.csv")); // ~400 KB: above the 64 KB the form keeps in memory

        using var response = await client.PostAsync("/api/detect?mode=fit", ApiRequests.Upload(csv, "../../etc/passwd"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var seen = factory.FilesSeen.ToList();
        Assert.NotEmpty(seen); // the upload was on disk, in the private directory, while the detector ran…

        // …and not after: the server disposes the request's files as it finishes, just after the client has its answer.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (seen.Any(File.Exists) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.All(seen, path => Assert.False(File.Exists(path), $"{path} outlived its request"));
        Assert.DoesNotContain(seen, path => path.Contains("passwd", StringComparison.Ordinal)); // the client's name is never a path
    }

    /// <summary>The app with an isolation forest that, when fitted, notes the files in the private temp directory and then fails.</summary>
    public sealed class WatchingFactory : ApiFactory
    {
        public ConcurrentBag<string> FilesSeen { get; } = [];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(sp =>
        {
            var catalog = new DetectorCatalog(sp.GetRequiredService<PipelineOptions>());
            catalog.Register(FailingDetector.InPlaceOfTheForest(() =>
            {
                // The framework buffers into the directory itself; what is below it is not this app's.
                foreach (var file in Directory.EnumerateFiles(PrivateTempDirectory.Directory.FullName))
                {
                    FilesSeen.Add(file);
                }
            }));
            return catalog;
        });
    }
}

/// <summary>Tests that look at the whole private temp directory, run when no other test is uploading.</summary>
[CollectionDefinition(UploadTempFileTests.Name, DisableParallelization = true)]
public sealed class PrivateTempDirectoryTests
{
}
