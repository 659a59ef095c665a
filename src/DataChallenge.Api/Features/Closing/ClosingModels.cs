using DataChallenge.Core.Closing;

namespace DataChallenge.Api.Features.Closing;

public sealed record MarkCandidateRequest(Guid TeamId, DateTimeOffset Deadline);

public sealed record ClosingFileResponse(string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string? DownloadUrl);

/// <param name="RerunUrls">In a code phase, the team's finished code submissions can be run again here (POST).</param>
public sealed record CandidateResponse(Guid TeamId, string TeamName, DateTimeOffset Deadline, ClosingFileResponse? FactSheet, ClosingFileResponse? Code,
    string Verdict, string? Reason, DateTimeOffset? PublishedAt, IReadOnlyList<string> RerunUrls);

/// <summary>What a candidate team owes: the documents, where to send them and by when.</summary>
public sealed record ObligationResponse(Guid PhaseId, string ChallengeSlug, string PhaseName, DateTimeOffset Deadline, ClosingFileResponse? FactSheet,
    ClosingFileResponse? Code, string FactSheetUploadUrl, string CodeUploadUrl);

public sealed record VerdictRequest(Guid TeamId, string Verdict, string? Reason);

public sealed record PublishFinalRankingRequest(IReadOnlyList<VerdictRequest> Verdicts);

public sealed record FinalRankingEntry(Guid TeamId, string TeamName, string Verdict, string? Reason);

public sealed record FinalRankingResponse(Guid PhaseId, DateTimeOffset PublishedAt, IReadOnlyList<FinalRankingEntry> Teams);

internal static class ClosingResponses
{
    public static ClosingFileResponse? File(ClosingFile? file, string? downloadUrl)
        => file is null ? null : new ClosingFileResponse(file.FileName, file.SizeBytes, file.Sha256, file.UploadedAt, downloadUrl);

    /// <summary>Verdicts travel as kebab-case words: verified, not-verified, disqualified, pending.</summary>
    public static string Word(ClosingVerdict verdict) => verdict switch
    {
        ClosingVerdict.Verified => "verified",
        ClosingVerdict.NotVerified => "not-verified",
        ClosingVerdict.Disqualified => "disqualified",
        _ => "pending",
    };

    public static ClosingVerdict? Parse(string? word) => word switch
    {
        "verified" => ClosingVerdict.Verified,
        "not-verified" => ClosingVerdict.NotVerified,
        "disqualified" => ClosingVerdict.Disqualified,
        _ => null,
    };
}
