using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

public sealed class GroupingAccuracyTests
{
    [Fact]
    public void Counts_a_line_right_only_when_its_mined_group_holds_exactly_its_true_group()
    {
        // E1 is mined whole (3 lines right); E2 is merged with E3 (all 3 of their lines wrong); E4 is split (both wrong).
        string[] truth = ["E1", "E1", "E1", "E2", "E3", "E3", "E4", "E4"];
        string?[] mined = ["A", "A", "A", "B", "B", "B", "C", "D"];

        Assert.Equal(3.0 / 8, GroupingAccuracy.Of(truth, mined));
    }

    [Fact]
    public void Ignores_the_names_of_groups_and_counts_lines_without_a_group_wrong()
    {
        Assert.Equal(1.0, GroupingAccuracy.Of(["E1", "E2", "E1"], ["T9", "T1", "T9"]));
        Assert.Equal(1.0 / 3, GroupingAccuracy.Of(["E1", "E2", "E2"], ["T1", "T2", null]));
    }
}
