using DataChallenge.Contracts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Sandbox;
using MassTransit;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>
/// Sends the scoring command for a submission whose row is already committed. It is sent to the workers' queue by
/// name rather than published, so the broker declares the durable queue and keeps the command even when no worker
/// has connected yet. A bus that does not take the command within <see cref="SendTimeout"/> is reported as a
/// <see cref="TimeoutException"/>: an upload is already recorded by then, and the stuck-submission job sends it later.
/// </summary>
public sealed class SubmissionDispatcher(ISendEndpointProvider endpoints)
{
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The queue a phase's scoring commands go to.</summary>
    public static string QueueFor(Phase phase) => phase.Code is not null ? QueueNames.RunCode : ScoringQueueFor(phase);

    private static string ScoringQueueFor(Phase phase)
        => ProgramConfig.IsProgram(phase.ScoringConfig) ? QueueNames.ScoreProgram : QueueNames.ScoreSubmission;

    /// <param name="rescoreRunId">Set when the organisers rescore: the result replaces the scores only when the whole run is in.</param>
    public async Task DispatchAsync(Submission submission, Phase phase, CancellationToken cancellationToken, Guid? rescoreRunId = null)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(SendTimeout);
        try
        {
            var scoring = new ScoreSubmission
            {
                SubmissionId = submission.Id,
                Attempt = submission.Attempt,
                PhaseId = phase.Id,
                // A code submission's object is its archive; the predictions its run writes have keys of their own.
                PredictionsKey = CodeRunKeys.ScoredFile(phase, submission.Id, submission.ObjectKey),
                LabelsKey = phase.LabelsKey,
                LabelsVersion = phase.LabelsVersion,
                ScoringConfig = phase.ScoringConfig,
                ScoringConfigHash = ScoringConfigHash.Of(phase.ScoringConfig),
                RescoreRunId = rescoreRunId,
            };
            // A rescore scores the predictions a code run already wrote: it does not run the code again.
            if (phase.Code is { } code && rescoreRunId is null)
            {
                var runs = await endpoints.GetSendEndpoint(new Uri($"queue:{QueueNames.RunCode}"));
                await runs.Send(CodeRunCommand.For(submission, phase, code, scoring), window.Token);
                return;
            }
            var endpoint = await endpoints.GetSendEndpoint(new Uri($"queue:{ScoringQueueFor(phase)}"));
            await endpoint.Send(scoring, window.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The bus did not take the scoring command within {SendTimeout.TotalSeconds} s.", e);
        }
    }
}
