namespace DataChallenge.Cli;

/// <summary>Process exit codes shared by every verb, so scripts can tell a bad file from a bad call.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Any other failure: refused credentials, something not found, a request the server declined.</summary>
    public const int Error = 1;

    /// <summary>A labels or predictions file broke an input rule.</summary>
    public const int Rejected = 2;

    /// <summary>Scoring ran but a metric has no value on this data.</summary>
    public const int Undefined = 3;

    /// <summary>The server refused an upload because the team's submission quota is used up (HTTP 429).</summary>
    public const int QuotaExhausted = 4;

    /// <summary>The platform failed: a submission ended Failed, or the server answered 5xx.</summary>
    public const int PlatformFailure = 5;

    /// <summary>Bad arguments or a bad configuration (EX_USAGE from sysexits.h).</summary>
    public const int Usage = 64;
}
