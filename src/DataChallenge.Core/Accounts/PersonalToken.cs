using System.Security.Cryptography;
using System.Text;

namespace DataChallenge.Core.Accounts;

/// <summary>
/// A named API token a person creates for scripts and the command-line tool. Only the SHA-256 of its text is kept:
/// the text is shown once, and a stolen database yields nothing that signs in.
/// </summary>
public sealed class PersonalToken
{
    /// <summary>Every token text starts with this, so the server can tell it from a session bearer token.</summary>
    public const string Prefix = "dc_";

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid UserId { get; init; }
    public required string Name { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    /// <summary>A new token text: the prefix and 32 random bytes in base64url.</summary>
    public static string NewText() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
