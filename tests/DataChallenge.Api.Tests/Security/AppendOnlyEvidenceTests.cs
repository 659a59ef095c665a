using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Security;

/// <summary>The audit trail is evidence: the database context refuses to change or remove a line of it.</summary>
public sealed class AppendOnlyEvidenceTests
{
    [Fact]
    public async Task AuditEntry_CannotBeChangedNorRemoved_OnceWritten()
    {
        await using var server = new ServerFactory();
        var organiser = await ApiSession.RegisterAsync(server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var challengeId = await db.Challenges.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        var line = db.AuditEntries.Add(new AuditEntry { ChallengeId = challengeId, Action = "phase.updated", Detail = "as written", At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        line.Property(e => e.Detail).CurrentValue = "rewritten";
        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        line.Property(e => e.Detail).CurrentValue = "as written";
        line.State = EntityState.Deleted;
        var removed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        Assert.All([changed, removed], e => Assert.Equal("Audit entries are append-only.", e.Message));
        await using var fresh = server.Services.CreateAsyncScope();
        var stored = await fresh.ServiceProvider.GetRequiredService<DataChallengeDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Id == line.Entity.Id, TestContext.Current.CancellationToken);
        Assert.Equal("as written", stored.Detail);
    }
}
