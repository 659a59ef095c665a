using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Core.Tests.Leaderboards;

public sealed class MetricOrderTests
{
    [Fact]
    public void Of_PutsThePrimaryFirst_InTheCatalogueDirections_WhenTheConfigurationIsBuiltIn()
    {
        var order = MetricOrder.Of("""{"task_type": "binary_proba", "metrics": ["roc_auc", "log_loss"], "primary_metric": "log_loss"}""");

        Assert.Equal(["log_loss", "roc_auc"], order.Metrics);
        Assert.Equal([false, true], order.HigherIsBetter);
    }

    [Fact]
    public void Of_RanksByTheProgramsPrimaryMetric_InTheProgramsDirection_WhenAnOrganiserProgramScores()
    {
        var order = MetricOrder.Of("""
            {"program": {"archive": "a.zip", "command": "python3 score.py", "runtime": "python3",
                         "metrics": ["mean_error", "log_loss", "coverage"], "primary_metric": "mean_error", "higher_is_better": false}}
            """);

        Assert.Equal(["mean_error", "log_loss", "coverage"], order.Metrics);
        // The program's direction orders its own metrics; a metric the catalogue knows keeps the catalogue's direction.
        Assert.Equal([false, false, false], order.HigherIsBetter);
    }

    [Fact]
    public void Of_TakesHigherAsBetter_WhenTheProgramDoesNotSay()
    {
        var order = MetricOrder.Of("""{"program": {"metrics": ["dice"], "primary_metric": "dice"}}""");

        Assert.Equal(["dice"], order.Metrics);
        Assert.Equal([true], order.HigherIsBetter);
    }
}
