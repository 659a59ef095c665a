using DataChallenge.Core.Notifications;

namespace DataChallenge.Core.Challenges;

/// <summary>A user's membership of a challenge, through exactly one team.</summary>
public sealed class Participant
{
    public Guid ChallengeId { get; init; }
    public Guid UserId { get; init; }
    public Guid TeamId { get; set; }
    public DateTimeOffset JoinedAt { get; init; }

    public ParticipantStatus Status { get; set; } = ParticipantStatus.Approved;

    /// <summary>The latest terms version this user accepted; the proof of each acceptance is a <see cref="TermsAcceptance"/> row.</summary>
    public int AcceptedTermsVersion { get; set; }

    /// <summary>The kinds of mail this participant wants about this challenge.</summary>
    public NotificationKind Notifications { get; set; } = NotificationKinds.OnJoin;
}
