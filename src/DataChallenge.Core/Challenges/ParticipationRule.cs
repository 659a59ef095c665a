namespace DataChallenge.Core.Challenges;

/// <summary>Why someone may not yet download a challenge's data or submit to it.</summary>
public enum ParticipationBlock
{
    None,
    NotJoined,
    PendingApproval,
    Denied,
    TermsOutdated,
}

/// <summary>
/// The one rule for data downloads and submissions: organisers pass; participants pass once approved and bound by the
/// current terms version. The API turns the answer into a problem, the pages into a message.
/// </summary>
public static class ParticipationRule
{
    public static ParticipationBlock BlockFor(Challenge challenge, Participant? participant, bool isOrganiser)
    {
        if (isOrganiser) return ParticipationBlock.None;
        if (participant is null) return ParticipationBlock.NotJoined;
        return participant.Status switch
        {
            ParticipantStatus.Pending => ParticipationBlock.PendingApproval,
            ParticipantStatus.Denied => ParticipationBlock.Denied,
            _ when participant.AcceptedTermsVersion < challenge.TermsVersion => ParticipationBlock.TermsOutdated,
            _ => ParticipationBlock.None,
        };
    }
}
