using System.Security.Cryptography;
using System.Text;

namespace DataChallenge.Core.Submissions;

/// <summary>Names a scoring configuration by its content, so a score says which configuration produced it.</summary>
public static class ScoringConfigHash
{
    public static string Of(string scoringConfig)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scoringConfig)))[..16];
}
