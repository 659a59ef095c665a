using System.Diagnostics;
using DataChallenge.Contracts;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Sandbox;
using DataChallenge.Worker.CodeRuns;
using DataChallenge.Worker.Scoring;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>
/// Runs a competitor's code and publishes what came of it, from this one place. A real run that wrote its file goes on
/// to the scoring queue the api would have chosen for an uploaded file, so its score follows the one existing path.
/// A redelivered message runs the code again under the same submission and attempt; the platform records it once.
/// </summary>
public sealed class RunCodeSubmissionConsumer(CodeRun codeRun, IOptions<ScoringOptions> options, TimeProvider clock,
    ILogger<RunCodeSubmissionConsumer> logger) : IConsumer<RunCodeSubmission>
{
    /// <summary>This worker process, as the run's provenance names it.</summary>
    public static readonly string WorkerName = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task Consume(ConsumeContext<RunCodeSubmission> context)
    {
        var message = context.Message;
        await context.Publish(new CodeRunStarted
        {
            SubmissionId = message.SubmissionId, Attempt = message.Attempt, StartedAt = clock.GetUtcNow(), Worker = WorkerName,
        }, context.CancellationToken);
        CodeRunOutcome outcome;
        await using (ScoringLease.Hold(context, message, options.Value.LeaseRenewEvery, clock, logger))
            outcome = await codeRun.RunAsync(message, WorkerName, context.CancellationToken);

        switch (outcome)
        {
            case CodeRunOutcome.Ran ran:
                await context.Publish(new CodeRunFinished
                {
                    SubmissionId = message.SubmissionId, Attempt = message.Attempt, Smoke = message.Smoke, Succeeded = ran.WroteFile,
                    Summary = ran.Summary, LogKey = message.LogKey, Provenance = ran.Provenance, FinishedAt = clock.GetUtcNow(),
                }, context.CancellationToken);
                if (message.Smoke) return;
                if (!ran.WroteFile) await RejectAsync(context, ran.Summary);
                else if (message.Scoring is { } scoring) await (await context.GetSendEndpoint(ScoringQueueOf(scoring))).Send(scoring, context.CancellationToken);
                else await FailAsync(context, "The run command carried no scoring command for a run on the hidden inputs.");
                break;
            case CodeRunOutcome.Rejected rejected:
                await RejectAsync(context, rejected.Reason);
                break;
            case CodeRunOutcome.Failed failed:
                await FailAsync(context, failed.Reason);
                break;
            default:
                throw new UnreachableException($"Unknown code run outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>The queue the api sends an uploaded file of the same phase to.</summary>
    public static Uri ScoringQueueOf(ScoreSubmission scoring)
        => new($"queue:{(ProgramConfig.IsProgram(scoring.ScoringConfig) ? QueueNames.ScoreProgram : QueueNames.ScoreSubmission)}");

    private Task RejectAsync(ConsumeContext<RunCodeSubmission> context, string reason) => context.Publish(new SubmissionRejected
    {
        SubmissionId = context.Message.SubmissionId, Attempt = context.Message.Attempt, Reason = reason, RejectedAt = clock.GetUtcNow(),
        LabelsVersion = context.Message.Scoring?.LabelsVersion,
    }, context.CancellationToken);

    private Task FailAsync(ConsumeContext<RunCodeSubmission> context, string reason)
    {
        logger.LogWarning("The code of submission {SubmissionId} could not run: {Reason}", context.Message.SubmissionId, reason);
        return context.Publish(new SubmissionFailed
        {
            SubmissionId = context.Message.SubmissionId, Attempt = context.Message.Attempt, Reason = reason, FailedAt = clock.GetUtcNow(),
            LabelsVersion = context.Message.Scoring?.LabelsVersion,
        }, context.CancellationToken);
    }
}
