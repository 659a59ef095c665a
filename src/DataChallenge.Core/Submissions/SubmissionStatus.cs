namespace DataChallenge.Core.Submissions;

/// <summary>
/// The submission's life: Received → (Running, for code) → Scoring → Scored | Rejected (competitor's file or code) |
/// Failed (platform); a smoke run ends Finished or Rejected. Stored by name; <see cref="SubmissionLifecycle"/> classifies
/// each state and holds the allowed transitions.
/// </summary>
public enum SubmissionStatus
{
    Received = 0,
    Scoring = 1,
    Scored = 2,
    Rejected = 3,
    Failed = 4,

    /// <summary>A worker runs the submission's code.</summary>
    Running = 5,

    /// <summary>A smoke run ran to its end: its log is there to read, nothing was scored.</summary>
    Finished = 6,
}
