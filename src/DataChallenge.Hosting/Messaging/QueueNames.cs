namespace DataChallenge.Hosting.Messaging;

/// <summary>Queue names fixed here so the status endpoint and the compose stack name the same queues.</summary>
public static class QueueNames
{
    public const string ScoreSubmission = "score-submission";
    public const string EstimateSubmissionInterval = "estimate-submission-interval";
}
