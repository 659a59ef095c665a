using DataChallenge.Api.Features.Submissions;
using DataChallenge.Core.Challenges;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Submissions;

/// <summary>Which queue a phase's scoring commands go to.</summary>
public sealed class SubmissionDispatcherTests
{
    [Fact]
    public void QueueFor_IsTheProgramQueue_WhenAProgramScoresThePhase()
    {
        var phase = new Phase { Name = "Main", ScoringConfig = """{"program": {"archive": "program.zip"}}""" };

        Assert.Equal("score-program", SubmissionDispatcher.QueueFor(phase));
    }

    [Fact]
    public void QueueFor_IsTheBuiltInQueue_WhenTheLibraryScoresThePhase()
    {
        var phase = new Phase { Name = "Main", ScoringConfig = SampleFiles.BinaryConfig };

        Assert.Equal("score-submission", SubmissionDispatcher.QueueFor(phase));
    }
}
