namespace DataChallenge.Core.Challenges;

/// <summary>Platform-wide rules, from the <c>Platform</c> configuration section.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>When true, a challenge stays a draft for everyone but its organisers until an administrator approves it.</summary>
    public bool RequireChallengeApproval { get; set; }

    /// <summary>
    /// The address people reach the platform at (https://challenges.example.org), for links in mail. Never taken from a
    /// request's Host header, which whoever sends the request chooses.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>E-mail addresses of the platform administrators.</summary>
    public List<string> Administrators { get; set; } = [];

    public bool IsAdministrator(string? email)
        => email is not null && Administrators.Any(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase));
}
