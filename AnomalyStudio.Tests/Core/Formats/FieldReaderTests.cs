using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Formats;

/// <summary>A format's reader of one field gives what its records' fields give, record for record, on real files.</summary>
public sealed class FieldReaderTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "logs", "apache_access_elastic.log" },
        { "logs", "BGL_2k.log_structured.csv" },
        { "loghub", "OpenStack_2k.log" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_fields_reader_gives_the_records_own_value_and_null_where_a_record_lacks_it(string folder, string file)
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        var result = await pipeline.RunFileAsync(TestData.Shared(folder, file));
        var source = result.Source;
        var names = Enumerable.Range(0, result.Records.Count).SelectMany(i => source.Fields(i).Select(f => f.Name)).Distinct().ToList();
        Assert.True(names.Count >= 5, $"{file}: only {names.Count} fields");

        foreach (var name in names.Append("no such field"))
        {
            var read = source.FieldReader(name.ToUpperInvariant());
            for (var i = 0; i < result.Records.Count; i++)
            {
                var expected = source.Fields(i).FirstOrDefault(f => f.Name == name)?.Value;
                Assert.True(expected == read(i), $"{file} record {i}, field '{name}': '{read(i)}' instead of '{expected}'");
            }
        }
    }
}
