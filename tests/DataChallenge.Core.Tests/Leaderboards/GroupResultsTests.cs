using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Core.Tests.Leaderboards;

public sealed class GroupResultsTests
{
    [Fact]
    public void Serialize_DropsTheValue_WhenASuppressedGroupArrivesWithOne()
    {
        // A worker (or a future scorer) that sends a value for a small group must not get it stored.
        var json = GroupResults.Serialize([new GroupResult("all", "tiny", 5, Suppressed: true, Value: 0.8333), new GroupResult("all", "north", 30, false, 0.91)])!;

        Assert.DoesNotContain("0.8333", json, StringComparison.Ordinal);
        Assert.Null(GroupResults.Read(json).Single(g => g.Group == "tiny").Value);
        Assert.Equal(0.91, GroupResults.Read(json).Single(g => g.Group == "north").Value);
    }

    [Fact]
    public void PublicOnly_ShowsNoAllRowsGroup_WhenThePhaseHasASplitColumn()
    {
        var groups = GroupResults.Serialize([new GroupResult("all", "north", 30, false, 0.9)]);
        const string scores = """[{"Split":"public","Metric":"roc_auc","Value":0.8},{"Split":"all","Metric":"roc_auc","Value":0.85}]""";

        Assert.Empty(GroupResults.PublicOnly(groups, scores));
    }

    [Fact]
    public void PublicOnly_ShowsAllRowsGroups_WhenThePhaseHasNoSplitColumn()
    {
        var groups = GroupResults.Serialize([new GroupResult("all", "north", 30, false, 0.9)]);
        const string scores = """[{"Split":"all","Metric":"roc_auc","Value":0.85}]""";

        Assert.Equal("north", Assert.Single(GroupResults.PublicOnly(groups, scores)).Group);
    }
}
