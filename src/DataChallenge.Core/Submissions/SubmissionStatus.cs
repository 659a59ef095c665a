namespace DataChallenge.Core.Submissions;

/// <summary>
/// The submission's life: Received → Scoring → Scored | Rejected (competitor's file) | Failed (platform). Stored by
/// name; <see cref="SubmissionLifecycle"/> classifies each state and holds the allowed transitions.
/// </summary>
public enum SubmissionStatus
{
    Received = 0,
    Scoring = 1,
    Scored = 2,
    Rejected = 3,
    Failed = 4,
}
