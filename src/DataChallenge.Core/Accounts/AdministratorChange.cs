namespace DataChallenge.Core.Accounts;

/// <summary>One grant or revocation of the administrator role by another administrator: the platform's own audit line.</summary>
public sealed class AdministratorChange
{
    public long Id { get; init; }
    public Guid ActorId { get; init; }
    public Guid UserId { get; init; }

    /// <summary><c>granted</c> or <c>revoked</c>.</summary>
    public required string Action { get; init; }

    public DateTimeOffset At { get; init; }
}
