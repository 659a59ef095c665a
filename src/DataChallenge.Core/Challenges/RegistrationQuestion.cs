namespace DataChallenge.Core.Challenges;

/// <summary>What a registration question asks for, which decides how its answer is checked and shown.</summary>
public enum RegistrationQuestionKind
{
    /// <summary>The person's institution or company, one line.</summary>
    Affiliation,

    /// <summary>A country, written freely (one line).</summary>
    Country,

    /// <summary>Any free text.</summary>
    Text,

    /// <summary>A box to tick, such as a data-use agreement whose text is the prompt; always required.</summary>
    Agreement,
}

/// <summary>A question organisers ask each person who registers for their challenge.</summary>
public sealed class RegistrationQuestion
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }

    /// <summary>Questions are asked in this order.</summary>
    public int Position { get; set; }

    public RegistrationQuestionKind Kind { get; init; }
    public required string Prompt { get; set; }
    public bool Required { get; set; }
}
