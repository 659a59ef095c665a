namespace DataChallenge.Cli;

/// <summary>Process exit codes shared by every verb, so scripts can tell a bad file from a bad call.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A labels or predictions file broke an input rule.</summary>
    public const int Rejected = 2;

    /// <summary>Scoring ran but a metric has no value on this data.</summary>
    public const int Undefined = 3;

    /// <summary>Bad arguments or a bad configuration (EX_USAGE from sysexits.h).</summary>
    public const int Usage = 64;
}
