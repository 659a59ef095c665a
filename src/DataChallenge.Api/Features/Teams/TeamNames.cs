using DataChallenge.Core.Challenges;

namespace DataChallenge.Api.Features.Teams;

/// <summary>Team names are free text from competitors: trimmed, bounded, no control characters. Never markup.</summary>
public static class TeamNames
{
    /// <summary>The name to store, or null when it is empty or longer than <see cref="Team.MaxNameLength"/>.</summary>
    public static string? Clean(string? name) => TeamMembership.CleanName(name);

    public static readonly string Rule = $"A team name has 1 to {Team.MaxNameLength} characters and is not an e-mail address.";
}
