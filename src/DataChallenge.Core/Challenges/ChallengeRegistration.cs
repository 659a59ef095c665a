using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Challenges;

public enum JoinOutcome
{
    Joined,
    AlreadyJoined,

    /// <summary>The caller's address is not confirmed yet.</summary>
    AddressUnconfirmed,

    /// <summary>The challenge has terms and the caller did not accept their current version.</summary>
    TermsNotAccepted,
    TeamNameTaken,

    /// <summary>A registration question is unanswered, or its answer is refused; <see cref="JoinResult.Answer"/> says which.</summary>
    AnswerRefused,

    /// <summary>The unique keys settled a race: a double click, or the same name taken meanwhile.</summary>
    Conflict,
}

public enum TermsOutcome
{
    Accepted,
    NotJoined,
    NoTerms,

    /// <summary>The version sent is not the one in force: the caller read older (or invented) terms.</summary>
    NotCurrent,
}

public sealed record JoinResult(JoinOutcome Outcome, Participant? Participant, string? TeamName, AnswerProblem? Answer = null);

/// <summary>
/// Joining a challenge as a team of one, shared by the join endpoint and the challenge page so that both apply the
/// same rules: the current terms accepted (and the acceptance kept), approval-gated challenges start pending.
/// </summary>
public static class ChallengeRegistration
{
    /// <param name="teamName">Already cleaned by the caller; only its uniqueness is checked here.</param>
    /// <param name="answers">Answers to the registration questions by question id; organisers, who join for baselines, are not asked.</param>
    public static async Task<JoinResult> JoinAsync(DataChallengeDbContext db, Challenge challenge, Guid userId, bool isOrganiser, string teamName,
        int? acceptedTermsVersion, IReadOnlyDictionary<Guid, string?>? answers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.ChallengeId == challenge.Id && p.UserId == userId, cancellationToken) is { } existing)
            return new JoinResult(JoinOutcome.AlreadyJoined, existing, await db.Teams.Where(t => t.Id == existing.TeamId).Select(t => t.Name).FirstAsync(cancellationToken));
        if (!isOrganiser && !await ParticipationRule.IsAddressConfirmedAsync(db, userId, cancellationToken)) return new JoinResult(JoinOutcome.AddressUnconfirmed, null, null);
        if (challenge.TermsVersion > 0 && acceptedTermsVersion != challenge.TermsVersion) return new JoinResult(JoinOutcome.TermsNotAccepted, null, null);
        List<RegistrationAnswer> kept = [];
        if (!isOrganiser && RegistrationQuestions.Check(await RegistrationQuestions.OfAsync(db, challenge.Id, cancellationToken), answers, out kept, challenge.Id, userId)
                is { } refused)
            return new JoinResult(JoinOutcome.AnswerRefused, null, null, refused);
        if (await db.Teams.AnyAsync(t => t.ChallengeId == challenge.Id && t.Name == teamName, cancellationToken))
            return new JoinResult(JoinOutcome.TeamNameTaken, null, teamName);

        var team = new Team { ChallengeId = challenge.Id, Name = teamName, CreatedAt = now };
        var participant = new Participant
        {
            ChallengeId = challenge.Id, UserId = userId, TeamId = team.Id, JoinedAt = now, AcceptedTermsVersion = challenge.TermsVersion,
            // Organisers who join (for baselines) need nobody's approval.
            Status = challenge.RequiresApproval && !isOrganiser ? ParticipantStatus.Pending : ParticipantStatus.Approved,
        };
        db.Teams.Add(team);
        db.Participants.Add(participant);
        db.RegistrationAnswers.AddRange(kept);
        if (challenge.TermsVersion > 0)
            db.TermsAcceptances.Add(new TermsAcceptance { ChallengeId = challenge.Id, UserId = userId, Version = challenge.TermsVersion, AcceptedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new JoinResult(JoinOutcome.Conflict, null, teamName);
        }
        return new JoinResult(JoinOutcome.Joined, participant, team.Name);
    }

    /// <summary>Records the participant's acceptance of the current terms, once per version however often it is sent.</summary>
    public static async Task<TermsOutcome> AcceptTermsAsync(DataChallengeDbContext db, Challenge challenge, Guid userId, int version, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.ChallengeId == challenge.Id && p.UserId == userId, cancellationToken);
        if (participant is null) return TermsOutcome.NotJoined;
        if (challenge.TermsVersion == 0) return TermsOutcome.NoTerms;
        if (version != challenge.TermsVersion) return TermsOutcome.NotCurrent;
        if (participant.AcceptedTermsVersion == version) return TermsOutcome.Accepted;
        participant.AcceptedTermsVersion = version;
        db.TermsAcceptances.Add(new TermsAcceptance { ChallengeId = challenge.Id, UserId = userId, Version = version, AcceptedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return TermsOutcome.Accepted;
    }

    /// <summary>An organiser approves or denies a registration, with an audit line; false when the person never registered.</summary>
    public static async Task<bool> DecideAsync(DataChallengeDbContext db, Guid challengeId, Guid organiserId, Guid userId, ParticipantStatus decision,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.ChallengeId == challengeId && p.UserId == userId, cancellationToken);
        if (participant is null) return false;
        var previous = participant.Status;
        participant.Status = decision;
        db.Record(challengeId, organiserId, decision == ParticipantStatus.Approved ? "participant.approved" : "participant.denied",
            $"user:{userId}", $"was {previous.ToString().ToLowerInvariant()}", now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
