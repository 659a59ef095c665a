namespace DataChallenge.Core.Leaderboards;

/// <summary>A team's ranks on both boards before and after a rescoring switched them; null where it was not ranked.</summary>
public sealed record RankChange(Guid TeamId, string Team, int? PublicRankBefore, int? PublicRankAfter, int? PrivateRankBefore, int? PrivateRankAfter)
{
    public bool Changed => PublicRankBefore != PublicRankAfter || PrivateRankBefore != PrivateRankAfter;
}
