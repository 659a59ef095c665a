using System.Text.RegularExpressions;

namespace DataChallenge.Core.Challenges;

/// <summary>
/// Team names are public (boards, their CSV and stream), so they never carry an e-mail address: a team that gives no
/// name gets a generated one, an address is refused as a name, and older teams named after one are shown masked.
/// </summary>
public static partial class TeamNaming
{
    /// <summary>A fresh public name that says nothing about the person, e.g. "Team k3v9qa".</summary>
    public static string Generated() => "Team " + Challenge.NewSecret()[..6];

    public static bool ContainsEmailAddress(string name) => EmailLike().IsMatch(name);

    /// <summary>The name others may read: stored names that hold an address are replaced by one derived from the team id.</summary>
    public static string Shown(Guid teamId, string name) => ContainsEmailAddress(name) ? "Team " + teamId.ToString("N")[..6] : name;

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailLike();
}
