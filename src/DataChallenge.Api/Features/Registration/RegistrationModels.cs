namespace DataChallenge.Api.Features.Registration;

/// <param name="AcceptedTermsVersion">Required when the challenge has terms: the current version, which the caller has read.</param>
/// <param name="TeamName">The team of one created for the caller; the caller's account name when omitted.</param>
/// <param name="Answers">Answers to the challenge's registration questions (GET …/registration-questions), by question id.</param>
public sealed record JoinChallengeRequest(string? TeamName, int? AcceptedTermsVersion = null, Dictionary<Guid, string?>? Answers = null);

/// <param name="Status">pending, approved or denied.</param>
public sealed record JoinChallengeResponse(Guid UserId, Guid TeamId, string TeamName, string Status, int AcceptedTermsVersion);

public sealed record PublishTermsRequest(string Text);

public sealed record AcceptTermsRequest(int Version);

/// <param name="Version">0 while the challenge has no terms.</param>
public sealed record TermsResponse(int Version, string Text, DateTimeOffset? PublishedAt);

public sealed record TermsAcceptanceResponse(int Version, DateTimeOffset AcceptedAt);

public sealed record ParticipantResponse(Guid UserId, string? Email, Guid TeamId, string TeamName, string Status, int AcceptedTermsVersion, DateTimeOffset JoinedAt);
