using System.Text.Json;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Core.Submissions;

/// <summary>
/// Which detailed-results pages of an organiser program a viewer is offered. They open in a tab of their own, never
/// inside a platform page: the api serves them under a policy that runs no script.
/// </summary>
public static class DetailedResultsLinks
{
    /// <summary>Splits the program scored for <paramref name="submission"/> that the viewer may open.</summary>
    public static IReadOnlyList<string> Splits(Submission submission, Phase phase, bool organiser)
    {
        if (submission.Status != SubmissionStatus.Scored || !IsProgramScored(phase.ScoringConfig)) return [];
        return SplitScores.All(submission.ScoresJson).Select(s => s.Split).Distinct().Where(split => MayRead(phase, organiser, split)).ToList();
    }

    /// <summary>
    /// The program saw the labels of the split it scored: organisers read every split, a team its own public page only,
    /// and only when the phase allows it.
    /// </summary>
    public static bool MayRead(Phase phase, bool organiser, string split)
        => organiser || (phase.ShowOwnDetailedResults && split == SplitScores.Public);

    public static string Url(Guid submissionId, string split) => $"/api/submissions/{submissionId}/detailed-results/{split}";

    // Only an organiser's program writes detailed results; the built-in metrics do not.
    private static bool IsProgramScored(string scoringConfig)
    {
        try
        {
            using var document = JsonDocument.Parse(scoringConfig);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("program", out var program) && program.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
