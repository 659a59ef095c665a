namespace DataChallenge.Core.Challenges;

/// <summary>
/// A participant's answer to a registration question, kept with the registration. Only the challenge's organisers read
/// it: answers can name a person (affiliation, country), so they appear on no public page, board or participant view.
/// </summary>
public sealed class RegistrationAnswer
{
    public Guid ChallengeId { get; init; }
    public Guid UserId { get; init; }
    public Guid QuestionId { get; init; }
    public required string Value { get; init; }
}
