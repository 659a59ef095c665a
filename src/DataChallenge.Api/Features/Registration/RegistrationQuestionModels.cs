namespace DataChallenge.Api.Features.Registration;

/// <param name="Kind">affiliation, country, text or agreement (a box to tick, whose text is the prompt; always required).</param>
public sealed record AddRegistrationQuestionRequest(string Kind, string Prompt, bool Required = false);

public sealed record RegistrationQuestionResponse(Guid Id, string Kind, string Prompt, bool Required, int MaxLength);

/// <param name="Answers">Answers by question id; a ticked agreement is "yes".</param>
public sealed record RegistrationAnswersResponse(Guid UserId, string? Email, string TeamName, string Status, DateTimeOffset JoinedAt,
    IReadOnlyDictionary<Guid, string> Answers);
