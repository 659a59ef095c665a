using DataChallenge.Api.Features.CodePhases;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>
/// The one place where bundle keys meet entity fields, one line each way. A challenge-level key left out of the
/// bundle keeps the challenge's current value; phase rules left out mean the platform's defaults. <c>terms</c> is
/// checked by the reader but not stored: terms are published as versions through their own endpoint, so that
/// every change asks participants to accept again.
/// </summary>
public static class BundleMapper
{
    private const decimal BytesPerMb = 1024 * 1024;

    /// <summary>What a phase accepts when the bundle gives no <c>max_file_mb</c>.</summary>
    public const long DefaultMaxFileBytes = 100L * 1024 * 1024;

    /// <summary>How many final submissions a team may choose when the bundle does not say.</summary>
    public const int DefaultMaxFinalSubmissions = 2;

    public static void Apply(Bundle source, Challenge target)
    {
        target.Title = source.Title;
        target.Description = source.Description;
        if (source.Visibility is { } visibility) target.Visibility = Enum.Parse<ChallengeVisibility>(visibility, ignoreCase: true);
        if (source.RequiresApproval is { } approval) target.RequiresApproval = approval;
        if (source.MaxTeamSize is not null) target.MaxTeamSize = source.MaxTeamSize;
    }

    public static void Apply(BundlePhase source, Phase target)
    {
        target.OpensAt = source.OpensAt;
        target.ClosesAt = source.ClosesAt;
        target.ScoringConfig = source.ScoringJson;
        target.MaxFileBytes = source.Rules.MaxFileMb is { } mb ? (long)Math.Round(mb * BytesPerMb) : DefaultMaxFileBytes;
        target.MaxSubmissionsPerDay = source.Rules.MaxSubmissionsPerDay;
        target.MaxSubmissionsTotal = source.Rules.MaxSubmissionsTotal;
        target.MaxFinalSubmissions = source.Rules.MaxFinalSubmissions ?? DefaultMaxFinalSubmissions;
        // The code endpoint's own merge: settings left out of the bundle keep their value, data versions are untouched.
        if (source.Code is { } code) target.Code = code.Settings.ApplyTo(target.Code ?? new CodePhaseSettings());
    }

    public static Bundle ToBundle(Challenge challenge, IEnumerable<string> publicFiles) => new()
    {
        Slug = challenge.Slug,
        Title = challenge.Title,
        Description = challenge.Description,
        Visibility = challenge.Visibility.ToString().ToLowerInvariant(),
        RequiresApproval = challenge.RequiresApproval,
        MaxTeamSize = challenge.MaxTeamSize,
        Phases = challenge.Phases.OrderBy(p => p.OpensAt).ThenBy(p => p.Name, StringComparer.Ordinal).Select(ToBundle).ToList(),
        PublicFiles = publicFiles.Order(StringComparer.Ordinal).ToList(),
    };

    public static BundlePhase ToBundle(Phase phase) => new()
    {
        Name = phase.Name,
        OpensAt = phase.OpensAt,
        ClosesAt = phase.ClosesAt,
        ScoringJson = phase.ScoringConfig,
        Rules = new BundleRules
        {
            MaxFileMb = phase.MaxFileBytes / BytesPerMb,
            MaxSubmissionsPerDay = phase.MaxSubmissionsPerDay,
            MaxSubmissionsTotal = phase.MaxSubmissionsTotal,
            MaxFinalSubmissions = phase.MaxFinalSubmissions,
        },
        Kind = phase.Code is null ? null : "code",
        Code = phase.Code is { } code ? new BundleCode(CodeSettingsRequest.From(code), null, null) : null,
    };
}
