using DataChallenge.Contracts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Submissions;
using MassTransit;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>Publishes the scoring command for a submission whose row is already committed.</summary>
public sealed class SubmissionDispatcher(IPublishEndpoint publisher)
{
    public Task DispatchAsync(Submission submission, Phase phase, CancellationToken cancellationToken)
        => publisher.Publish(new ScoreSubmission
        {
            SubmissionId = submission.Id,
            Attempt = submission.Attempt,
            PhaseId = phase.Id,
            PredictionsKey = submission.ObjectKey,
            LabelsKey = phase.LabelsKey,
            LabelsVersion = phase.LabelsVersion,
            ScoringConfig = phase.ScoringConfig,
        }, cancellationToken);
}
