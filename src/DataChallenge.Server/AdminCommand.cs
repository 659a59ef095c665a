using DataChallenge.Core.Accounts;
using DataChallenge.Core.Persistence;

namespace DataChallenge.Server;

/// <summary>
/// <c>DataChallenge.Server admin grant EMAIL</c> and <c>admin revoke EMAIL</c>: platform administrators are granted by
/// whoever runs the server, on its database, never by registering an address.
/// </summary>
public static class AdminCommand
{
    public static bool Matches(string[] args) => args is ["admin", ..];

    /// <returns>0 done, 1 no account has the address, 64 bad usage.</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string dataFolder, TextWriter output)
    {
        if (args is not ["admin", var verb, var email] || verb is not ("grant" or "revoke"))
        {
            await output.WriteLineAsync("Usage: DataChallenge.Server admin grant|revoke EMAIL");
            return 64;
        }
        await using var services = new ServiceCollection().AddDataChallengeDatabase(configuration, dataFolder).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        await db.MigrateAsync(CancellationToken.None);
        var found = verb == "grant"
            ? await PlatformAdministrators.GrantAsync(db, email, CancellationToken.None)
            : await PlatformAdministrators.RevokeAsync(db, email, CancellationToken.None);
        await output.WriteLineAsync(found
            ? $"{email} {(verb == "grant" ? "is now" : "is no longer")} a platform administrator."
            : $"No account has the address {email}.");
        return found ? 0 : 1;
    }
}
