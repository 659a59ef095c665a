namespace DataChallenge.Hosting.Messaging;

/// <summary>Queue names fixed here so the status endpoint and the compose stack name the same queues.</summary>
public static class QueueNames
{
    public const string ScoreSubmission = "score-submission";

    /// <summary>Submissions of phases scored by an organiser program: slow runs never hold up built-in scoring.</summary>
    public const string ScoreProgram = "score-program";
    public const string EstimateSubmissionInterval = "estimate-submission-interval";

    /// <summary>Paired comparisons of a phase's finalists: minutes of resampling, one at a time, beside scoring.</summary>
    public const string CompareFinalists = "compare-finalists";

    /// <summary>Code submissions: runs that take minutes have their own queue, so they never delay a prediction file's score.</summary>
    public const string RunCode = "run-code";
}
