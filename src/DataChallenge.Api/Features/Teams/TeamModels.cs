namespace DataChallenge.Api.Features.Teams;

public sealed record CreateTeamRequest(string Name);

public sealed record JoinTeamRequest(string InviteCode);

public sealed record TeamMember(Guid UserId, string? Email);

/// <param name="InviteCode">Give it to the people who should join; anyone holding it can.</param>
public sealed record TeamResponse(Guid Id, string Name, string InviteCode, IReadOnlyList<TeamMember> Members, int? MaxTeamSize);
