using System.Security.Cryptography;
using System.Text;

namespace DataChallenge.Core.Challenges;

/// <summary>
/// Who may see a challenge: drafts only their organisers, unlisted ones through their secret key or for their
/// participants, public ones everyone. The API and the pages both ask here, so neither can show what the other hides.
/// </summary>
public static class ChallengeSightRule
{
    public static bool MaySee(Challenge challenge, ChallengeRole role, string? key, bool platformApprovalRequired)
    {
        if (role is ChallengeRole.Owner or ChallengeRole.Collaborator) return true;
        return challenge.EffectiveVisibility(platformApprovalRequired) switch
        {
            ChallengeVisibility.Public => true,
            ChallengeVisibility.Unlisted => role == ChallengeRole.Participant || KeyMatches(key, challenge.AccessKey),
            _ => false,
        };
    }

    /// <summary>Whether a challenge appears in the public list.</summary>
    public static bool IsListed(Challenge challenge, bool platformApprovalRequired)
        => challenge.EffectiveVisibility(platformApprovalRequired) == ChallengeVisibility.Public;

    // Constant time, and an empty key never opens anything.
    private static bool KeyMatches(string? given, string secret)
        => !string.IsNullOrEmpty(given) && secret.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret));
}
