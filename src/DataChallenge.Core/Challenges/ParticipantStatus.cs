namespace DataChallenge.Core.Challenges;

/// <summary>Where a registration stands; only approved participants download data and submit.</summary>
public enum ParticipantStatus
{
    Pending,
    Approved,
    Denied,
}
