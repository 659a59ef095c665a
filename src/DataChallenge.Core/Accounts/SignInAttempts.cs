using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DataChallenge.Core.Accounts;

/// <summary>
/// Sign-in attempts per (account, client address), shared by the API's login and the sign-in page. A client that guesses
/// at one account is slowed down; the account's owner, coming from elsewhere, is not.
/// </summary>
public sealed class SignInAttempts(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPerAccountAndClientPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    /// <summary>Counts one attempt; false, with when to come back, once the budget is spent.</summary>
    public bool TryAttempt(string? email, string? clientAddress, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire($"{(email ?? "").Trim().ToUpperInvariant()}|{clientAddress}");
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
