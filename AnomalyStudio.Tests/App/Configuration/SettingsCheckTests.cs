using System.Diagnostics;
using System.Text.Json;
using AnomalyStudio.App.Cli;
using AnomalyStudio.Tests.App.Cli;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Configuration;

/// <summary>
/// Settings are checked like input: a value of the wrong type, out of range or under an unknown key ends the CLI with exit 2
/// and the web app before it starts, each with one line naming the key, the value and what is allowed.
/// </summary>
[Collection(CliTestGroup.Name)]
public sealed class SettingsCheckTests(CliFixture fixture)
{
    [Theory]
    [InlineData("Seed", "foo", "it must be a whole number")]
    [InlineData("IsolationForest:Thresholds:Critical", "abc", "it must be a finite number")]
    [InlineData("Calibration:Method", "Bogus", "it must be one of Robust, Contamination")]
    [InlineData("MaxUploadBytes", "-1", "it must be a whole number of bytes, at least 1")]
    [InlineData("IsolationForest:Trees", "0", "Trees must be between 1 and 10,000")]
    [InlineData("Calibration:LowZ", "5", "it must be above 0 and below MediumZ (4.5)")]
    [InlineData("Calibration:CriticalZ", "5", "it must be above HighZ (6)")]
    [InlineData("IsolationForest:Thresholds:Critical", "1.5", "it must be above High (0.85) and at most 1")]
    [InlineData("Autoencoder:LearningRate", "NaN", "it must be a finite number")]
    [InlineData("MinBaselineRecords", "1", "it must be a whole number, at least 2")]
    [InlineData("Sede", "3", "is not one AnomalyStudio knows; the settings here are AffinityCookie, Autoencoder,")]
    [InlineData("Calibration", "7", "it is a group of settings (Method, LowZ,")]
    public async Task A_wrong_setting_exits_2_with_one_line_naming_the_key_the_value_and_what_is_allowed(string key, string value, string allowed)
    {
        var (code, error) = await WithSetting(key, value, () => fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--limit", "1"));

        Assert.Equal(CliApplication.BadInput, code);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: setting AnomalyStudio:{key}", line, StringComparison.Ordinal);
        if (!allowed.StartsWith("is not one", StringComparison.Ordinal))
        {
            Assert.Contains($" = '{value}' is invalid: ", line, StringComparison.Ordinal);
        }

        Assert.Contains(allowed, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_spelling_of_a_setting_in_any_case_and_valid_values_still_run()
    {
        var (code, error) = await WithSetting("calibration:method", "contamination", () => fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--limit", "1"));

        Assert.True(code == 0, error);
    }

    /// <summary>
    /// The severities are decided by the distances (Calibration:*Z): moving CriticalZ moves the critical count. A detector's
    /// Thresholds only say which 0–1 score each band starts at, so they move the scores and keep the counts: what the
    /// README's Configuration section says.
    /// </summary>
    [Fact]
    public async Task The_distances_decide_the_severities_and_the_score_thresholds_only_where_they_sit_on_the_scale()
    {
        var plain = await Report(null, null);
        var nearer = await Report("Calibration:CriticalZ", "6.5");
        var rescaled = await Report("IsolationForest:Thresholds:Critical", "0.9");

        Assert.True(Critical(nearer) > Critical(plain), $"critical {Critical(plain)} → {Critical(nearer)} with CriticalZ 6.5");
        Assert.Equal(Critical(plain), Critical(rescaled));
        Assert.Equal(0.9, rescaled.GetProperty("thresholds").GetProperty("critical").GetDouble());
        Assert.NotEqual(TopScore(plain), TopScore(rescaled));
    }

    [Theory]
    [InlineData("AnomalyStudio__MaxUploadBytes", "-1", "setting AnomalyStudio:MaxUploadBytes = '-1' is invalid")]
    [InlineData("AnomalyStudio__Seed", "foo", "setting AnomalyStudio:Seed = 'foo' is invalid")]
    public async Task The_web_app_with_a_wrong_setting_does_not_start_and_says_why_in_one_line(string variable, string value, string message)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = fixture.Directory };
        start.ArgumentList.Add(typeof(CliApplication).Assembly.Location);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment[variable] = value;
        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(typeof(CliApplication).Assembly.Location);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // it started serving: the test fails below
            }
        }

        Assert.Equal(CliApplication.BadInput, process.ExitCode);
        var line = Assert.Single((await error).TrimEnd().Split('\n'));
        Assert.StartsWith("error: " + message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await output + line, StringComparison.Ordinal);
    }

    private static int Critical(JsonElement report) => report.GetProperty("summary").GetProperty("severityCounts").GetProperty("critical").GetInt32();

    private static double TopScore(JsonElement report) => report.GetProperty("records")[0].GetProperty("score").GetDouble();

    private async Task<JsonElement> Report(string? key, string? value)
    {
        var output = Path.Combine(fixture.Directory, $"settings-{Guid.NewGuid():N}.json");
        var (code, error) = await WithSetting(key, value, () => fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--format", "json", "--limit", "5", "--out", output));
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        return json.RootElement.Clone();
    }

    private static async Task<(int Code, string Error)> WithSetting(string? key, string? value, Func<Task<(int Code, string Output, string Error)>> run)
    {
        var defaults = CliHost.Overrides;
        CliHost.Overrides = key is null ? defaults : new Dictionary<string, string?>(defaults!) { ["AnomalyStudio:" + key] = value };
        try
        {
            var (code, _, error) = await run();
            return (code, error);
        }
        finally
        {
            CliHost.Overrides = defaults;
        }
    }
}
