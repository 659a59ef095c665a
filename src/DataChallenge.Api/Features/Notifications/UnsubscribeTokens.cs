using System.Globalization;
using System.Security.Cryptography;
using DataChallenge.Core.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace DataChallenge.Api.Features.Notifications;

/// <summary>What an unsubscribe link turns off: one kind of mail, for one person, in one challenge.</summary>
public readonly record struct Unsubscription(Guid UserId, Guid ChallengeId, NotificationKind Kind);

/// <summary>
/// Signed unsubscribe tokens. The purpose string keeps them apart from every other payload the same keys sign (cookies,
/// reset codes): a token made for anything else does not read as an unsubscription, and a changed byte reads as nothing.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DataChallenge.Notifications.Unsubscribe.v1");

    public string Issue(Unsubscription what) => _protector.Protect($"{what.UserId:N}.{what.ChallengeId:N}.{(int)what.Kind}");

    public Unsubscription? Read(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = payload.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var user) && Guid.TryParseExact(parts[1], "N", out var challenge)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && NotificationKinds.IsSingle((NotificationKind)kind)
            ? new Unsubscription(user, challenge, (NotificationKind)kind)
            : null;
    }
}
