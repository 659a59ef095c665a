namespace DataChallenge.Core.Submissions;

/// <summary>One uploaded prediction file and what became of it. The row is the state machine: no saga.</summary>
public sealed class Submission
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PhaseId { get; init; }
    public Guid TeamId { get; init; }
    public Guid UserId { get; init; }
    public required string FileName { get; init; }
    public required string ObjectKey { get; init; }
    public required string Sha256 { get; init; }
    public long SizeBytes { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The UTC day of <see cref="ReceivedAt"/>: the day whose quota the submission uses.</summary>
    public DateOnly QuotaDay { get; init; }

    /// <summary>
    /// The submission's place in its team's daily quota (1, 2, …). A unique index over phase, team, day and slot makes
    /// two concurrent uploads unable to take the same place; null once a rejection or failure gave the place back.
    /// </summary>
    public int? QuotaSlot { get; set; }

    /// <summary>The same as <see cref="QuotaSlot"/> for the phase's total limit.</summary>
    public int? TotalSlot { get; set; }

    /// <summary>The client's <c>Idempotency-Key</c>: a retried upload with the same key gets this submission back.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Stored by name. Changed through <see cref="Take"/>, or by conditional updates that ask <see cref="SubmissionLifecycle"/>.</summary>
    public SubmissionStatus Status { get; set; }

    /// <summary>Dispatch attempts so far; consumers and the re-dispatch job compare it to stay idempotent.</summary>
    public int Attempt { get; set; } = 1;

    public DateTimeOffset DispatchedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Competitor-readable reason of a rejection; for Failed, an organiser-only reason.</summary>
    public string? Message { get; set; }

    public string? PrimaryMetric { get; set; }
    public double? PublicScore { get; set; }

    /// <summary>Never shown before the reveal.</summary>
    public double? PrivateScore { get; set; }

    public double? IntervalLower { get; set; }
    public double? IntervalUpper { get; set; }

    /// <summary>All metrics on all splits (JSON); private values inside are never served before the reveal.</summary>
    public string? ScoresJson { get; set; }

    /// <summary>
    /// The primary metric per group (centre) on each split (JSON). Suppressed groups are stored without a value, so no
    /// answer can carry one.
    /// </summary>
    public string? GroupsJson { get; set; }

    /// <summary>The team's short description of the file; shown to the team and the organisers, never on a board.</summary>
    public string? Note { get; init; }

    /// <summary>The longest <see cref="Note"/> accepted.</summary>
    public const int MaxNoteLength = 500;

    public int? ScoredLabelsVersion { get; set; }
    public string? ScorerVersion { get; set; }

    /// <summary>The key of an uploaded prediction file; a code run's predictions are under <see cref="CodePhases.CodeRunKeys"/>.</summary>
    public static string PredictionsKey(Guid phaseId, Guid submissionId) => $"phases/{phaseId:N}/submissions/{submissionId:N}.csv";

    /// <summary>Hash of the scoring configuration that produced the current scores.</summary>
    public string? ScoredConfigHash { get; set; }

    /// <summary>An organiser's reference entry: shown with a badge, never ranked.</summary>
    public bool IsBaseline { get; set; }

    /// <summary>Chosen by its team for the private board.</summary>
    public bool IsFinal { get; set; }

    /// <summary>Set when an organiser invalidates it: off every board, and its quota slot stays used.</summary>
    public DateTimeOffset? InvalidatedAt { get; set; }

    public string? InvalidReason { get; set; }

    /// <summary>A code run on the public smoke data: never on a board, outside the quota, its log readable by its team.</summary>
    public bool IsSmoke { get; init; }

    /// <summary>The latest code run's log in the submissions bucket; null until a run ended.</summary>
    public string? LogKey { get; set; }

    /// <summary>The latest code run's provenance (JSON of the run's <c>CodeRunProvenance</c>); organisers read it.</summary>
    public string? ProvenanceJson { get; set; }

    /// <summary>How long the latest code run took: what it used of its team's daily run minutes.</summary>
    public double? RunMilliseconds { get; set; }

    /// <summary>After an organiser's re-run: whether it wrote the same predictions as the run before. Null before any re-run.</summary>
    public bool? Reproducible { get; set; }

    /// <summary>Moves the submission along its lifecycle; throws on a transition the lifecycle forbids from its state.</summary>
    public void Take(SubmissionTransition transition) => Status = SubmissionLifecycle.Next(Status, transition);
}
