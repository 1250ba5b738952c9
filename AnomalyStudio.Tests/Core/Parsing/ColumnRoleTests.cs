using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

/// <summary>Column roles on loghub's and CSIC's real tables: what is a level, a text, an identifier, a date part.</summary>
public sealed class ColumnRoleTests
{
    private static CsvTable Read(string folder, string file)
    {
        using var stream = File.OpenRead(TestData.Shared(folder, file));
        using var sniffed = FormatDetector.Detect(stream, file);
        return new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);
    }

    private static ColumnRole RoleOf(CsvTable table, string column) => table.Columns.Single(c => c.Name == column).Role;

    [Fact]
    public void Ports_and_status_codes_are_categories_and_pids_identifiers_not_measurements()
    {
        var text = new System.Text.StringBuilder("src_ip,dst_port,status,pid,bytes\n");
        for (var i = 0; i < 50; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"10.0.0.{i % 7},{(i == 13 ? 4444 : 443)},{(i % 10 == 0 ? 404 : 200)},{1000 + (i * 37 % 97)},{500 + (i * 13 % 50 * 7)}\n");
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        using var sniffed = FormatDetector.Detect(stream, "flows.csv");
        var table = new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);

        Assert.Equal(ColumnRole.Categorical, RoleOf(table, "dst_port"));
        Assert.Equal(ColumnRole.Categorical, RoleOf(table, "status"));
        Assert.Equal(ColumnRole.Identifier, RoleOf(table, "pid"));
        Assert.Equal(ColumnRole.Numeric, RoleOf(table, "bytes"));
        Assert.Equal("src_ip", table.IdentifierColumn!.Name);
    }

    [Fact]
    public void Thunderbird_pid_is_an_identifier_and_its_date_parts_are_not_measurements()
    {
        var table = Read("logs", "Thunderbird_2k.log_structured.csv");

        Assert.Equal(ColumnRole.Identifier, RoleOf(table, "PID"));
        Assert.Equal(ColumnRole.Text, RoleOf(table, "Content"));
        Assert.Equal("User", table.IdentifierColumn!.Name); // a name ranks before a PID
        var names = CsvOwnColumnFeatures.Numeric(table).Matrix.Names;
        Assert.DoesNotContain("PID", names);
        Assert.DoesNotContain("Day", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Time", StringComparison.Ordinal) || n.StartsWith("Date", StringComparison.Ordinal));
    }

    [Fact]
    public void Bgl_level_is_ordered_and_the_template_text_is_not_a_second_vote()
    {
        var table = Read("logs", "BGL_2k.log_structured.csv");
        var features = CsvOwnColumnFeatures.Numeric(table);

        Assert.Equal(ColumnRole.Level, RoleOf(table, "Level"));
        Assert.Equal(ColumnRole.Categorical, RoleOf(table, "EventTemplate"));
        Assert.Contains("Level level", features.Matrix.Names);
        Assert.Contains("EventId rarity", features.Matrix.Names);
        Assert.DoesNotContain("EventTemplate rarity", features.Matrix.Names); // determined by EventId
        Assert.DoesNotContain("Component rarity", features.Matrix.Names); // determined by the template
        Assert.DoesNotContain("Content shape rarity", features.Matrix.Names); // ranks the rows as EventId does
        var level = features.Matrix.Names.ToList().IndexOf("Level level");
        var ranks = Enumerable.Range(0, table.RowCount).ToLookup(r => table.Columns.Single(c => c.Name == "Level").Texts![r], r => features.Matrix[r, level]);
        Assert.True(ranks["INFO"].First() < ranks["WARNING"].First() && ranks["WARNING"].First() < ranks["ERROR"].First() && ranks["ERROR"].First() < ranks["FATAL"].First());
    }

    [Fact]
    public void Csic_urls_and_bodies_are_text_and_content_length_repeats_the_body()
    {
        var table = Read("web", "csic2010_sample.csv");
        var names = CsvOwnColumnFeatures.Numeric(table).Matrix.Names;

        Assert.Equal(ColumnRole.Text, RoleOf(table, "url"));
        Assert.Equal(ColumnRole.Text, RoleOf(table, "body"));
        Assert.Equal(["method rarity", "url attack tokens", "url shape rarity", "body attack tokens", "body shape rarity"], names);
    }
}
