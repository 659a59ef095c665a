using DataChallenge.Core.Challenges;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>
/// The one place where bundle keys meet entity fields, one line each way. Keys with no field yet (terms, visibility,
/// requires_approval, max_team_size, max_submissions_per_day, max_submissions_total, max_final_submissions) are
/// checked by the reader but neither stored nor exported.
/// </summary>
public static class BundleMapper
{
    private const decimal BytesPerMb = 1024 * 1024;

    /// <summary>What a phase accepts when the bundle gives no <c>max_file_mb</c>.</summary>
    public const long DefaultMaxFileBytes = 100L * 1024 * 1024;

    public static void Apply(Bundle source, Challenge target)
    {
        target.Title = source.Title;
        target.Description = source.Description;
    }

    public static void Apply(BundlePhase source, Phase target)
    {
        target.OpensAt = source.OpensAt;
        target.ClosesAt = source.ClosesAt;
        target.ScoringConfig = source.ScoringJson;
        target.MaxFileBytes = source.Rules.MaxFileMb is { } mb ? (long)Math.Round(mb * BytesPerMb) : DefaultMaxFileBytes;
    }

    public static Bundle ToBundle(Challenge challenge, IEnumerable<string> publicFiles) => new()
    {
        Slug = challenge.Slug,
        Title = challenge.Title,
        Description = challenge.Description,
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
        },
    };
}
