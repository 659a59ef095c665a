using System.Globalization;
using System.Security.Claims;

namespace DataChallenge.Core.Accounts;

/// <summary>The language an account reads its mail in: chosen at registration, kept as a claim of the account.</summary>
public static class AccountLanguage
{
    public const string ClaimType = "locale";

    public static readonly string[] Supported = ["en", "fr"];

    /// <summary>The supported language closest to <paramref name="culture"/>; English otherwise.</summary>
    public static string Of(CultureInfo culture)
        => Supported.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : Supported[0];

    public static Claim ClaimFor(CultureInfo culture) => new(ClaimType, Of(culture));
}
