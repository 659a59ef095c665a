using DataChallenge.Core.Challenges;
using DataChallenge.Core.Submissions;

namespace DataChallenge.Core.Tests.Submissions;

/// <summary>Which detailed-results pages the console offers: the same rule the api applies when one is opened.</summary>
public sealed class DetailedResultsLinksTests
{
    private const string ProgramConfig = """{"program": {"archive": "program.zip", "primary_metric": "accuracy"}}""";
    private const string BuiltInConfig = """{"task_type": "binary_proba", "metrics": ["roc_auc"]}""";
    private const string Scores = """[{"Split":"public","Metric":"accuracy","Value":0.5},{"Split":"private","Metric":"accuracy","Value":0.4}]""";

    [Fact]
    public void Splits_OfferEverySplit_WhenTheViewerIsAnOrganiser()
        => Assert.Equal(["public", "private"], DetailedResultsLinks.Splits(Scored(), Phase(ProgramConfig, showOwn: false), organiser: true));

    [Fact]
    public void Splits_OfferTheTeamItsPublicSplitOnly_WhenThePhaseShowsOwnDetailedResults()
        => Assert.Equal(["public"], DetailedResultsLinks.Splits(Scored(), Phase(ProgramConfig, showOwn: true), organiser: false));

    [Fact]
    public void Splits_OfferTheTeamNothing_WhenThePhaseDoesNotShowOwnDetailedResults()
        => Assert.Empty(DetailedResultsLinks.Splits(Scored(), Phase(ProgramConfig, showOwn: false), organiser: false));

    [Fact]
    public void Splits_OfferNothing_WhenBuiltInMetricsScoredTheSubmission()
        => Assert.Empty(DetailedResultsLinks.Splits(Scored(), Phase(BuiltInConfig, showOwn: true), organiser: true));

    private static Phase Phase(string config, bool showOwn) => new() { Name = "p", ScoringConfig = config, ShowOwnDetailedResults = showOwn };

    private static Submission Scored() => new() { FileName = "f.csv", ObjectKey = "k", Sha256 = "h", Status = SubmissionStatus.Scored, ScoresJson = Scores };
}
