namespace DataChallenge.Api.Features.Bundles;

public sealed record BundlePhaseId(string Name, Guid Id);

/// <summary>The challenge a bundle created or updated, with each phase's id for label uploads.</summary>
public sealed record BundleImportResponse(string Slug, IReadOnlyList<BundlePhaseId> Phases);
