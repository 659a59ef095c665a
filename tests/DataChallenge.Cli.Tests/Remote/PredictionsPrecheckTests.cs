using DataChallenge.Cli.Remote;
using DataChallenge.Scoring;

namespace DataChallenge.Cli.Tests.Remote;

public sealed class PredictionsPrecheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("precheck-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Check_Accepts_WhenFieldsAreQuotedAndLabelsAreText()
    {
        var config = ScoringConfig.Parse("""
            {"task_type":"multiclass_label","id_column":"id","label_columns":["y"],"prediction_columns":["y"],
             "classes":["a","b"],"metrics":["accuracy"],"primary_metric":"accuracy"}
            """);

        PredictionsPrecheck.Check(Write("id,y\n\"r,1\",a\nr2,\"b\"\n"), config, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Check_RejectsWithTheLine_WhenARowHasTooFewFields()
    {
        var config = ScoringConfig.Parse("""
            {"task_type":"regression","id_column":"id","label_columns":["y"],"prediction_columns":["y"],"metrics":["rmse"],"primary_metric":"rmse"}
            """);

        var failure = Assert.Throws<SubmissionRejectedException>(() => PredictionsPrecheck.Check(Write("id,y\nr1,2.5\nr2\n"), config, TestContext.Current.CancellationToken));

        Assert.Equal(3, failure.Line);
    }

    private string Write(string content)
    {
        var path = Path.Combine(_folder.FullName, "p.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
