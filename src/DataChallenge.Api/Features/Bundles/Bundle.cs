using DataChallenge.Api.Features.CodePhases;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>
/// A challenge as one YAML document (<c>bundle.yaml</c>): what an organiser keeps in git and pushes. Values are
/// already checked when a <see cref="Bundle"/> exists; null means the key was absent.
/// </summary>
public sealed record Bundle
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string? Terms { get; init; }

    /// <summary>draft, public or unlisted.</summary>
    public string? Visibility { get; init; }

    public bool? RequiresApproval { get; init; }
    public int? MaxTeamSize { get; init; }
    public IReadOnlyList<BundlePhase> Phases { get; init; } = [];

    /// <summary>Paths relative to the bundle file; the files themselves travel beside it.</summary>
    public IReadOnlyList<string> PublicFiles { get; init; } = [];
}

public sealed record BundlePhase
{
    public required string Name { get; init; }
    public required DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset? ClosesAt { get; init; }

    /// <summary>The scoring configuration as the compact JSON document a phase stores.</summary>
    public required string ScoringJson { get; init; }

    public BundleRules Rules { get; init; } = new();

    /// <summary>The hidden labels file, relative to the bundle; read by the CLI on push, never written on export.</summary>
    public string? Labels { get; init; }

    /// <summary><c>predictions</c> or <c>code</c>; null when the key is absent (a code phase stays one).</summary>
    public string? Kind { get; init; }

    /// <summary>Set for a code phase only.</summary>
    public BundleCode? Code { get; init; }
}

/// <summary>
/// A code phase's settings, as the code endpoint takes them (absent fields keep their value), and the folders of its hidden
/// inputs and smoke data relative to the bundle: read by the CLI on push, never written on export.
/// </summary>
public sealed record BundleCode(CodeSettingsRequest Settings, string? Inputs, string? SmokeData);

public sealed record BundleRules
{
    public int? MaxSubmissionsPerDay { get; init; }
    public int? MaxSubmissionsTotal { get; init; }

    /// <summary>Largest accepted prediction file in MiB (1,048,576 bytes).</summary>
    public decimal? MaxFileMb { get; init; }

    public int? MaxFinalSubmissions { get; init; }
}
