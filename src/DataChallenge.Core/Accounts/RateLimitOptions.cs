namespace DataChallenge.Core.Accounts;

/// <summary>
/// How fast one client or one account may knock. Guessing is slowed per client address and per (account, client),
/// never per account alone: otherwise anyone could keep an organiser out by failing on purpose.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>The rate-limiting policy of sign-in, registration and the other account endpoints and pages.</summary>
    public const string SignInPolicy = "sign-in";

    public const string TokensPolicy = "tokens";

    public const string UploadsPolicy = "uploads";

    /// <summary>Sign-in, registration and account requests from one client address.</summary>
    public int SignInPerClientPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts at one account from one client address.</summary>
    public int SignInPerAccountAndClientPerMinute { get; set; } = 5;

    public int TokensPerAccountPerHour { get; set; } = 10;

    /// <summary>Uploads of one account (submissions, labels, files); the phases' own quotas still apply.</summary>
    public int UploadsPerAccountPerMinute { get; set; } = 20;
}
