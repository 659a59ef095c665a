using System.Buffers.Text;
using System.Text;

namespace DataChallenge.Core.Accounts;

/// <summary>Identity's tokens as they travel in links: UTF-8 in base64url, as Identity's own endpoints expect them.</summary>
public static class AccountCodes
{
    public static string Encode(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null when the code is not base64url (a mangled link).</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code)); }
        catch (FormatException) { return null; }
    }
}
