namespace DataChallenge.Api.Features.Administrators;

public sealed record AdministratorRequest(string Email);

/// <param name="Granted">Holds the role (granted by the command or by an administrator).</param>
/// <param name="Configured">Listed in <c>Platform:Administrators</c>; only the configuration removes it.</param>
public sealed record AdministratorResponse(Guid UserId, string? Email, bool Granted, bool Configured);
