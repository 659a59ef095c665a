using System.Linq.Expressions;

namespace DataChallenge.Core.Submissions;

/// <summary>What may happen to a submission; <see cref="SubmissionLifecycle"/> says from which states and to which.</summary>
public enum SubmissionTransition
{
    /// <summary>A worker took the current attempt.</summary>
    StartScoring,

    /// <summary>A worker took the current attempt of a code submission and started its program.</summary>
    StartRun,

    /// <summary>The worker running or scoring the current attempt is still alive; the state stays.</summary>
    RenewLease,

    /// <summary>A smoke run ended with its program's output written: there is nothing to score.</summary>
    FinishSmoke,

    /// <summary>
    /// An organiser runs a finished code submission again (a new attempt, the same archive) to see whether it writes the
    /// same predictions; until the run is scored again the submission is off the board.
    /// </summary>
    Rerun,

    Score,

    /// <summary>The competitor's file does not fit the phase.</summary>
    Reject,

    /// <summary>The platform could not score the file.</summary>
    Fail,

    /// <summary>The re-dispatch job sends a stuck submission again.</summary>
    Requeue,

    /// <summary>An organiser sends a failed submission again.</summary>
    Resend,

    /// <summary>An organiser rescores a scored submission; the outcome is recorded beside it, the state stays.</summary>
    Rescore,
}

/// <summary>What a transition does with the quota places the submission holds.</summary>
public enum QuotaEffect
{
    Unchanged,

    /// <summary>A rejected file never counts against its team.</summary>
    GiveBack,

    /// <summary>A platform failure gives its places back up to <see cref="QuotaUse.FailedGiveBacksPerDay"/> per team and day.</summary>
    GiveBackWithinDailyCap,
}

/// <summary>
/// The submission's life in one place: how each state counts, and the one table of allowed transitions. Consumers,
/// jobs, endpoints and pages ask here, so a new state is classified here and nowhere else.
/// </summary>
public static class SubmissionLifecycle
{
    /// <summary>A new upload's state: its row is committed in it before its scoring command is sent.</summary>
    public const SubmissionStatus Initial = SubmissionStatus.Received;

    private sealed record StateRule(bool Unfinished, bool CountsOnBoard);

    /// <param name="To">Null when the transition leaves the state as it is.</param>
    private sealed record TransitionRule(SubmissionStatus[] From, SubmissionStatus? To, QuotaEffect Quota);

    private static readonly Dictionary<SubmissionStatus, StateRule> States = new()
    {
        [SubmissionStatus.Received] = new(Unfinished: true, CountsOnBoard: false),
        [SubmissionStatus.Scoring] = new(Unfinished: true, CountsOnBoard: false),
        [SubmissionStatus.Scored] = new(Unfinished: false, CountsOnBoard: true),
        [SubmissionStatus.Rejected] = new(Unfinished: false, CountsOnBoard: false),
        [SubmissionStatus.Failed] = new(Unfinished: false, CountsOnBoard: false),
        [SubmissionStatus.Running] = new(Unfinished: true, CountsOnBoard: false),
        [SubmissionStatus.Finished] = new(Unfinished: false, CountsOnBoard: false),
    };

    private static readonly SubmissionStatus[] Open = [SubmissionStatus.Received, SubmissionStatus.Running, SubmissionStatus.Scoring];

    // Outcomes only ever leave an unfinished state, so a repeated or late message changes nothing.
    private static readonly Dictionary<SubmissionTransition, TransitionRule> Transitions = new()
    {
        // A code run's predictions are scored after the run: scoring starts from Running as well.
        [SubmissionTransition.StartScoring] = new([SubmissionStatus.Received, SubmissionStatus.Running], SubmissionStatus.Scoring, QuotaEffect.Unchanged),
        [SubmissionTransition.StartRun] = new([SubmissionStatus.Received], SubmissionStatus.Running, QuotaEffect.Unchanged),
        [SubmissionTransition.RenewLease] = new([SubmissionStatus.Running, SubmissionStatus.Scoring], null, QuotaEffect.Unchanged),
        [SubmissionTransition.FinishSmoke] = new([SubmissionStatus.Received, SubmissionStatus.Running], SubmissionStatus.Finished, QuotaEffect.Unchanged),
        [SubmissionTransition.Rerun] = new([SubmissionStatus.Scored, SubmissionStatus.Rejected, SubmissionStatus.Failed, SubmissionStatus.Finished],
            SubmissionStatus.Received, QuotaEffect.Unchanged),
        [SubmissionTransition.Score] = new(Open, SubmissionStatus.Scored, QuotaEffect.Unchanged),
        [SubmissionTransition.Reject] = new(Open, SubmissionStatus.Rejected, QuotaEffect.GiveBack),
        [SubmissionTransition.Fail] = new(Open, SubmissionStatus.Failed, QuotaEffect.GiveBackWithinDailyCap),
        [SubmissionTransition.Requeue] = new(Open, SubmissionStatus.Received, QuotaEffect.Unchanged),
        [SubmissionTransition.Resend] = new([SubmissionStatus.Failed], SubmissionStatus.Received, QuotaEffect.Unchanged),
        [SubmissionTransition.Rescore] = new([SubmissionStatus.Scored], SubmissionStatus.Scored, QuotaEffect.Unchanged),
    };

    /// <summary>Waiting for a worker or being scored: the CLI and the pages keep following it.</summary>
    public static bool IsUnfinished(SubmissionStatus status) => State(status).Unfinished;

    public static bool IsFinished(SubmissionStatus status) => !State(status).Unfinished;

    /// <summary>Has scores a board may rank (before the submission's own invalidation or baseline flag is considered).</summary>
    public static bool CountsOnBoard(SubmissionStatus status) => State(status).CountsOnBoard;

    /// <summary><see cref="IsUnfinished"/> for queries; it translates to SQL on every provider.</summary>
    public static Expression<Func<Submission, bool>> Unfinished { get; } = StatusIn(States.Where(s => s.Value.Unfinished).Select(s => s.Key));

    private static readonly SubmissionStatus[] BoardStates = States.Where(s => s.Value.CountsOnBoard).Select(s => s.Key).ToArray();

    /// <summary><see cref="CountsOnBoard"/> for queries.</summary>
    public static Expression<Func<Submission, bool>> OnBoard { get; } = StatusIn(BoardStates);

    /// <summary><see cref="OnBoard"/> and <paramref name="more"/> as one query predicate, for rules that add their own conditions.</summary>
    public static Expression<Func<Submission, bool>> OnBoardAnd(Expression<Func<Submission, bool>> more)
        => Expression.Lambda<Func<Submission, bool>>(Expression.AndAlso(StatusTest(more.Parameters[0], BoardStates), more.Body), more.Parameters);

    public static bool Allows(SubmissionStatus from, SubmissionTransition transition) => Rule(transition).From.Contains(from);

    /// <summary>The state <paramref name="transition"/> lands in; throws when the lifecycle forbids it from <paramref name="from"/>.</summary>
    public static SubmissionStatus Next(SubmissionStatus from, SubmissionTransition transition)
    {
        _ = State(from);
        return Allows(from, transition)
            ? Rule(transition).To ?? from
            : throw new InvalidOperationException($"A {from} submission cannot take the transition {transition}.");
    }

    /// <summary>Whether a worker has taken the submission's current attempt: a re-dispatch of it then costs an attempt.</summary>
    public static bool HasStarted(SubmissionStatus status) => IsUnfinished(status) && status != Initial;

    public static SubmissionStatus Target(SubmissionTransition transition)
        => Rule(transition).To ?? throw new InvalidOperationException($"{transition} leaves the state as it is: it has no target.");

    public static QuotaEffect Quota(SubmissionTransition transition) => Rule(transition).Quota;

    /// <summary>The rows <paramref name="transition"/> may leave from, for the conditional updates that claim them.</summary>
    public static Expression<Func<Submission, bool>> CanTake(SubmissionTransition transition) => StatusIn(Rule(transition).From);

    private static StateRule State(SubmissionStatus status)
        => States.TryGetValue(status, out var rule) ? rule : throw new InvalidOperationException($"The lifecycle does not classify the state {status}.");

    private static TransitionRule Rule(SubmissionTransition transition)
        => Transitions.TryGetValue(transition, out var rule) ? rule : throw new InvalidOperationException($"The lifecycle has no row for {transition}.");

    private static Expression<Func<Submission, bool>> StatusIn(IEnumerable<SubmissionStatus> statuses)
    {
        var submission = Expression.Parameter(typeof(Submission), "s");
        return Expression.Lambda<Func<Submission, bool>>(StatusTest(submission, statuses), submission);
    }

    // Equalities joined by OR: plain SQL on SQLite and PostgreSQL, and the status index stays usable.
    private static Expression StatusTest(ParameterExpression submission, IEnumerable<SubmissionStatus> statuses)
    {
        var status = Expression.Property(submission, nameof(Submission.Status));
        return statuses.Select(s => (Expression)Expression.Equal(status, Expression.Constant(s)))
            .DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse);
    }
}
