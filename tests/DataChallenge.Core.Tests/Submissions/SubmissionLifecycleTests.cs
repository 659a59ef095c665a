using DataChallenge.Core.Submissions;

namespace DataChallenge.Core.Tests.Submissions;

/// <summary>
/// The lifecycle as a specification: every state against every transition, and every state against every predicate.
/// </summary>
public sealed class SubmissionLifecycleTests
{
    // Written out by hand on purpose: a change to the lifecycle's table must be a change to this specification too.
    private static readonly Dictionary<(SubmissionStatus From, SubmissionTransition Transition), SubmissionStatus> Allowed = new()
    {
        [(SubmissionStatus.Received, SubmissionTransition.StartScoring)] = SubmissionStatus.Scoring,
        [(SubmissionStatus.Scoring, SubmissionTransition.RenewLease)] = SubmissionStatus.Scoring,
        [(SubmissionStatus.Received, SubmissionTransition.Score)] = SubmissionStatus.Scored,
        [(SubmissionStatus.Scoring, SubmissionTransition.Score)] = SubmissionStatus.Scored,
        [(SubmissionStatus.Received, SubmissionTransition.Reject)] = SubmissionStatus.Rejected,
        [(SubmissionStatus.Scoring, SubmissionTransition.Reject)] = SubmissionStatus.Rejected,
        [(SubmissionStatus.Received, SubmissionTransition.Fail)] = SubmissionStatus.Failed,
        [(SubmissionStatus.Scoring, SubmissionTransition.Fail)] = SubmissionStatus.Failed,
        [(SubmissionStatus.Received, SubmissionTransition.Requeue)] = SubmissionStatus.Received,
        [(SubmissionStatus.Scoring, SubmissionTransition.Requeue)] = SubmissionStatus.Received,
        [(SubmissionStatus.Failed, SubmissionTransition.Resend)] = SubmissionStatus.Received,
        [(SubmissionStatus.Scored, SubmissionTransition.Rescore)] = SubmissionStatus.Scored,
        // Code runs: Received → Running → Scoring, or a smoke run's end.
        [(SubmissionStatus.Received, SubmissionTransition.StartRun)] = SubmissionStatus.Running,
        [(SubmissionStatus.Running, SubmissionTransition.RenewLease)] = SubmissionStatus.Running,
        [(SubmissionStatus.Running, SubmissionTransition.StartScoring)] = SubmissionStatus.Scoring,
        [(SubmissionStatus.Running, SubmissionTransition.Score)] = SubmissionStatus.Scored,
        [(SubmissionStatus.Running, SubmissionTransition.Reject)] = SubmissionStatus.Rejected,
        [(SubmissionStatus.Running, SubmissionTransition.Fail)] = SubmissionStatus.Failed,
        [(SubmissionStatus.Running, SubmissionTransition.Requeue)] = SubmissionStatus.Received,
        [(SubmissionStatus.Received, SubmissionTransition.FinishSmoke)] = SubmissionStatus.Finished,
        [(SubmissionStatus.Running, SubmissionTransition.FinishSmoke)] = SubmissionStatus.Finished,
        [(SubmissionStatus.Scored, SubmissionTransition.Rerun)] = SubmissionStatus.Received,
        [(SubmissionStatus.Rejected, SubmissionTransition.Rerun)] = SubmissionStatus.Received,
        [(SubmissionStatus.Failed, SubmissionTransition.Rerun)] = SubmissionStatus.Received,
        [(SubmissionStatus.Finished, SubmissionTransition.Rerun)] = SubmissionStatus.Received,
    };

    private sealed record Classification(bool Unfinished, bool CountsOnBoard);

    private static readonly Dictionary<SubmissionStatus, Classification> Expected = new()
    {
        [SubmissionStatus.Received] = new(Unfinished: true, CountsOnBoard: false),
        [SubmissionStatus.Scoring] = new(Unfinished: true, CountsOnBoard: false),
        [SubmissionStatus.Scored] = new(Unfinished: false, CountsOnBoard: true),
        [SubmissionStatus.Rejected] = new(Unfinished: false, CountsOnBoard: false),
        [SubmissionStatus.Failed] = new(Unfinished: false, CountsOnBoard: false),
        [SubmissionStatus.Running] = new(Unfinished: true, CountsOnBoard: false),
        [SubmissionStatus.Finished] = new(Unfinished: false, CountsOnBoard: false),
    };

    public static TheoryData<SubmissionStatus, SubmissionTransition> EveryStateAndTransition()
    {
        var data = new TheoryData<SubmissionStatus, SubmissionTransition>();
        foreach (var status in Enum.GetValues<SubmissionStatus>())
            foreach (var transition in Enum.GetValues<SubmissionTransition>())
                data.Add(status, transition);
        return data;
    }

    public static TheoryData<SubmissionStatus> EveryState() => new(Enum.GetValues<SubmissionStatus>());

    [Theory]
    [MemberData(nameof(EveryStateAndTransition))]
    public void Take_LandsWhereTheTableSays_OrThrows_ForEveryStateAndTransition(SubmissionStatus from, SubmissionTransition transition)
    {
        var submission = Row(from);

        if (Allowed.TryGetValue((from, transition), out var to))
        {
            submission.Take(transition);
            Assert.Equal(to, submission.Status);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => submission.Take(transition));
            Assert.Equal(from, submission.Status);
        }
        // The conditional updates claim rows with the query form: it must agree with the table.
        Assert.Equal(Allowed.ContainsKey((from, transition)), SubmissionLifecycle.CanTake(transition).Compile()(Row(from)));
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void Predicates_ClassifyTheState_ForEveryState(SubmissionStatus status)
    {
        Assert.True(Expected.TryGetValue(status, out var expected), $"The state {status} is not in this specification: classify it here and in SubmissionLifecycle.");
        var row = Row(status);

        Assert.Equal(expected.Unfinished, SubmissionLifecycle.IsUnfinished(status));
        Assert.Equal(!expected.Unfinished, SubmissionLifecycle.IsFinished(status));
        Assert.Equal(expected.CountsOnBoard, SubmissionLifecycle.CountsOnBoard(status));
        // The query forms say the same as the in-memory ones.
        Assert.Equal(expected.Unfinished, SubmissionLifecycle.Unfinished.Compile()(row));
        Assert.Equal(expected.CountsOnBoard, SubmissionLifecycle.OnBoard.Compile()(row));
        Assert.Equal(expected.CountsOnBoard, SubmissionLifecycle.OnBoardAnd(s => s.FileName == "p.csv").Compile()(row));
        Assert.False(SubmissionLifecycle.OnBoardAnd(s => s.FileName == "other.csv").Compile()(row));
    }

    [Fact]
    public void Initial_IsUnfinished_AndWaitsForAWorker()
    {
        Assert.Equal(SubmissionStatus.Received, SubmissionLifecycle.Initial);
        Assert.True(SubmissionLifecycle.IsUnfinished(SubmissionLifecycle.Initial));
        Assert.True(SubmissionLifecycle.Allows(SubmissionLifecycle.Initial, SubmissionTransition.StartScoring));
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void HasStarted_IsTrue_WhenAWorkerTookTheUnfinishedSubmission(SubmissionStatus status)
    {
        var expected = status is SubmissionStatus.Running or SubmissionStatus.Scoring;

        Assert.Equal(expected, SubmissionLifecycle.HasStarted(status));
    }

    [Fact]
    public void Quota_IsGivenBackByOutcomesTheTeamIsNotCharged_AndKeptByEveryOtherTransition()
    {
        foreach (var transition in Enum.GetValues<SubmissionTransition>())
        {
            var expected = transition switch
            {
                SubmissionTransition.Reject => QuotaEffect.GiveBack,
                SubmissionTransition.Fail => QuotaEffect.GiveBackWithinDailyCap,
                _ => QuotaEffect.Unchanged,
            };
            Assert.Equal(expected, SubmissionLifecycle.Quota(transition));
        }
    }

    private static Submission Row(SubmissionStatus status) => new() { FileName = "p.csv", ObjectKey = "k", Sha256 = "h", Status = status };
}
