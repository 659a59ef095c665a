using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Challenges;

public enum TeamOutcome
{
    Done,

    /// <summary>Joining the same team twice changes nothing.</summary>
    AlreadyMember,
    NotParticipant,
    InvalidName,
    NameTaken,
    UnknownInviteCode,

    /// <summary>The team being left has submitted: nobody carries its quota or scores away.</summary>
    LockedIn,
    TeamFull,
    OnlyMember,

    /// <summary>The unique keys settled a race: a name taken or a first submission at the same moment.</summary>
    Conflict,
}

/// <param name="TeamId">The caller's team after the change (or the team met, for <see cref="TeamOutcome.AlreadyMember"/>).</param>
/// <param name="Name">The cleaned name, for <see cref="TeamOutcome.NameTaken"/>.</param>
public sealed record TeamChange(TeamOutcome Outcome, Guid? TeamId = null, string? Name = null);

public sealed record TeamMate(Guid UserId, string? Email);

public sealed record TeamView(Guid Id, string Name, string InviteCode, IReadOnlyList<TeamMate> Members, int? MaxTeamSize);

/// <summary>
/// Creating, joining and leaving teams, shared by the team endpoints and the team page. Every participant is in exactly
/// one team (joining the challenge creates a team of one); moving is only possible while the team being left has not
/// submitted, so nobody carries a team's quota or scores away.
/// </summary>
public static class TeamMembership
{
    /// <summary>
    /// Team names are free text: trimmed, bounded, no control characters, no e-mail address (<see cref="TeamNaming"/>);
    /// null when empty, too long or holding an address.
    /// </summary>
    public static string? CleanName(string? name)
    {
        var text = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return text.Length is 0 or > Team.MaxNameLength || TeamNaming.ContainsEmailAddress(text) ? null : text;
    }

    public static Task<Participant?> ParticipantAsync(DataChallengeDbContext db, Guid challengeId, Guid userId, CancellationToken cancellationToken)
        => db.Participants.FirstOrDefaultAsync(p => p.ChallengeId == challengeId && p.UserId == userId, cancellationToken);

    public static async Task<TeamChange> CreateAsync(DataChallengeDbContext db, Challenge challenge, Guid userId, string? rawName, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var participant = await ParticipantAsync(db, challenge.Id, userId, cancellationToken);
        if (participant is null) return new TeamChange(TeamOutcome.NotParticipant);
        if (CleanName(rawName) is not { } name) return new TeamChange(TeamOutcome.InvalidName);
        if (await db.Teams.AnyAsync(t => t.ChallengeId == challenge.Id && t.Name == name, cancellationToken))
            return new TeamChange(TeamOutcome.NameTaken, Name: name);
        if (await HasSubmittedAsync(db, participant.TeamId, cancellationToken)) return new TeamChange(TeamOutcome.LockedIn);

        var team = new Team { ChallengeId = challenge.Id, Name = name, CreatedAt = now };
        db.Teams.Add(team);
        return await MoveAsync(db, participant, team.Id, cancellationToken);
    }

    public static async Task<TeamChange> JoinAsync(DataChallengeDbContext db, Challenge challenge, Guid userId, string? inviteCode,
        CancellationToken cancellationToken)
    {
        var participant = await ParticipantAsync(db, challenge.Id, userId, cancellationToken);
        if (participant is null) return new TeamChange(TeamOutcome.NotParticipant);
        var code = (inviteCode ?? "").Trim();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.ChallengeId == challenge.Id && t.InviteCode == code, cancellationToken);
        if (team is null) return new TeamChange(TeamOutcome.UnknownInviteCode);
        if (team.Id == participant.TeamId) return new TeamChange(TeamOutcome.AlreadyMember, team.Id);
        if (await HasSubmittedAsync(db, participant.TeamId, cancellationToken)) return new TeamChange(TeamOutcome.LockedIn);
        if (challenge.MaxTeamSize is not { } max) return await MoveAsync(db, participant, team.Id, cancellationToken);

        // Counting then moving is only safe when concurrent joins of this team queue up: a no-op update of the team row
        // takes its row lock on PostgreSQL (the next joiner waits, then counts afresh) and the write lock on SQLite.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Teams.Where(t => t.Id == team.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Name, t => t.Name), cancellationToken);
        if (locked == 0) return new TeamChange(TeamOutcome.UnknownInviteCode);
        if (await db.Participants.CountAsync(p => p.TeamId == team.Id, cancellationToken) >= max) return new TeamChange(TeamOutcome.TeamFull);
        var moved = await MoveAsync(db, participant, team.Id, cancellationToken);
        if (moved.Outcome == TeamOutcome.Done) await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    /// <summary>Moves the caller to a new team of one, under a generated name: nothing of the person shows on the board.</summary>
    public static async Task<TeamChange> LeaveAsync(DataChallengeDbContext db, Challenge challenge, Guid userId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var participant = await ParticipantAsync(db, challenge.Id, userId, cancellationToken);
        if (participant is null) return new TeamChange(TeamOutcome.NotParticipant);
        if (await db.Participants.CountAsync(p => p.TeamId == participant.TeamId, cancellationToken) == 1) return new TeamChange(TeamOutcome.OnlyMember);
        if (await HasSubmittedAsync(db, participant.TeamId, cancellationToken)) return new TeamChange(TeamOutcome.LockedIn);

        var team = new Team { ChallengeId = challenge.Id, Name = TeamNaming.Generated(), CreatedAt = now };
        db.Teams.Add(team);
        return await MoveAsync(db, participant, team.Id, cancellationToken);
    }

    /// <summary>A team with its members; the invite code is in it, so show it to members only.</summary>
    public static async Task<TeamView> ViewAsync(DataChallengeDbContext db, Challenge challenge, Guid teamId, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == teamId, cancellationToken);
        var members = await db.Participants.AsNoTracking().Where(p => p.TeamId == teamId)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new TeamMate(u.Id, u.Email)).ToListAsync(cancellationToken);
        return new TeamView(team.Id, team.Name, team.InviteCode, members.OrderBy(m => m.Email, StringComparer.Ordinal).ToList(), challenge.MaxTeamSize);
    }

    private static Task<bool> HasSubmittedAsync(DataChallengeDbContext db, Guid teamId, CancellationToken cancellationToken)
        => db.Submissions.AnyAsync(s => s.TeamId == teamId, cancellationToken);

    // Moves the participant and removes the team left behind when nobody remains in it (it never submitted).
    private static async Task<TeamChange> MoveAsync(DataChallengeDbContext db, Participant participant, Guid toTeamId, CancellationToken cancellationToken)
    {
        var fromTeamId = participant.TeamId;
        participant.TeamId = toTeamId;
        if (!await db.Participants.AnyAsync(p => p.TeamId == fromTeamId && p.UserId != participant.UserId, cancellationToken)
            && await db.Teams.FindAsync([fromTeamId], cancellationToken) is { } empty)
            db.Teams.Remove(empty);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new TeamChange(TeamOutcome.Done, toTeamId);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new TeamChange(TeamOutcome.Conflict);
        }
    }
}
