using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes spikes as the contract shared by <c>detect --spikes</c>, <c>POST /api/detect?view=spikes</c> and the
/// session's spike endpoints: the rate series (name, start, bucket length, counts per bucket), the spikes (series,
/// window, count, expected, peak z, explanation) and, for a chosen window, its explanation (the over-represented
/// values with their counts, lift and p-value, and the sentence naming the strongest).
/// </summary>
public static class SpikeReportWriter
{
    public static async Task WriteJsonAsync(Stream output, string fileName, SpikeAnalysis? spikes, SpikeExplanation? chosen = null, bool withCounts = false, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("file", fileName);
        writer.WriteBoolean("hasTime", spikes?.HasTime ?? false);
        writer.WriteStartArray("series");
        foreach (var series in spikes?.Series ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("name", series.Name);
            writer.WriteString("start", series.Start);
            writer.WriteNumber("bucketSeconds", series.Bucket.TotalSeconds);
            writer.WriteNumber("total", series.Counts.Sum(c => (long)c));
            if (withCounts)
            {
                writer.WriteStartArray("counts");
                foreach (var count in series.Counts)
                {
                    writer.WriteNumberValue(count);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("spikes");
        foreach (var spike in spikes?.Spikes ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("series", spike.Series);
            WriteWindow(writer, "window", spike.Window);
            writer.WriteNumber("count", spike.Count);
            writer.WriteNumber("expected", Math.Round(spike.Expected, 3));
            writer.WriteNumber("peakZ", Math.Round(spike.PeakZ, 3));
            writer.WritePropertyName("explanation");
            WriteExplanation(writer, spike.Explanation);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (chosen is not null)
        {
            writer.WritePropertyName("window");
            WriteExplanation(writer, chosen);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTableAsync(TextWriter output, string fileName, SpikeAnalysis? spikes)
    {
        if (spikes is not { HasTime: true })
        {
            await output.WriteLineAsync($"{InertText.ForTerminal(fileName)}: no timestamps, so no rate to find spikes in.").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{InertText.ForTerminal(fileName)}: {spikes.Spikes.Count} spikes in {spikes.Series.Count} rate series ({spikes.Series[0].Bucket.TotalMinutes:0.#}-minute buckets)")).ConfigureAwait(false);
        foreach (var spike in spikes.Spikes)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{spike.Series}, {spike.Window}: {spike.Count:N0} where {spike.Expected:N0} were typical ({spike.Ratio:0.#}×, z {spike.PeakZ:0.#})")).ConfigureAwait(false);
            foreach (var value in spike.Explanation.Values)
            {
                await output.WriteLineAsync("  " + InertText.ForTerminal(value.Text)).ConfigureAwait(false);
            }
        }
    }

    private static void WriteExplanation(Utf8JsonWriter writer, SpikeExplanation explanation)
    {
        writer.WriteStartObject();
        WriteWindow(writer, "window", explanation.Window);
        if (explanation.Baseline is { } baseline)
        {
            WriteWindow(writer, "baseline", baseline);
        }
        else
        {
            writer.WriteNull("baseline");
        }

        writer.WriteNumber("windowCount", explanation.WindowCount);
        writer.WriteNumber("baselineCount", explanation.BaselineCount);
        writer.WriteString("text", explanation.Text);
        writer.WriteStartArray("values");
        foreach (var v in explanation.Values)
        {
            writer.WriteStartObject();
            writer.WriteString("field", v.Field);
            writer.WriteString("value", v.Value);
            writer.WriteNumber("windowCount", v.WindowCount);
            writer.WriteNumber("windowTotal", v.WindowTotal);
            writer.WriteNumber("baselineCount", v.BaselineCount);
            writer.WriteNumber("baselineTotal", v.BaselineTotal);
            writer.WriteNumber("lift", Math.Round(v.Lift, 3));
            writer.WriteNumber("pValue", v.PValue);
            writer.WriteString("text", v.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteWindow(Utf8JsonWriter writer, string name, TimeWindow window)
    {
        writer.WriteStartObject(name);
        writer.WriteString("start", window.Start);
        writer.WriteString("end", window.End);
        writer.WriteString("text", window.ToString());
        writer.WriteEndObject();
    }
}
