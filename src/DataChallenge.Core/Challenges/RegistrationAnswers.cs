using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Challenges;

/// <summary>One registration with its answers, keyed by question id, as the organisers see it.</summary>
public sealed record RegistrationLine(Guid UserId, string? Email, string TeamName, ParticipantStatus Status, DateTimeOffset JoinedAt,
    IReadOnlyDictionary<Guid, string> Answers);

/// <summary>Reads registrations with their answers. The callers are the organisers' views only: nothing public reads answers.</summary>
public static class RegistrationAnswers
{
    public static async Task<List<RegistrationLine>> ForOrganisersAsync(DataChallengeDbContext db, Guid challengeId, CancellationToken cancellationToken)
    {
        var registrations = await db.Participants.AsNoTracking().Where(p => p.ChallengeId == challengeId)
            .Join(db.Teams, p => p.TeamId, t => t.Id, (p, t) => new { Participant = p, TeamName = t.Name })
            .Join(db.Users, x => x.Participant.UserId, u => u.Id, (x, u) => new { x.Participant, x.TeamName, u.Email })
            .ToListAsync(cancellationToken);
        var answers = (await db.RegistrationAnswers.AsNoTracking().Where(a => a.ChallengeId == challengeId).ToListAsync(cancellationToken))
            .ToLookup(a => a.UserId);
        return registrations.OrderBy(x => x.Participant.JoinedAt)
            .Select(x => new RegistrationLine(x.Participant.UserId, x.Email, x.TeamName, x.Participant.Status, x.Participant.JoinedAt,
                answers[x.Participant.UserId].ToDictionary(a => a.QuestionId, a => a.Value)))
            .ToList();
    }
}
