using DataChallenge.Core.Accounts;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Closing;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.PublicData;
using DataChallenge.Core.Submissions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Persistence;

/// <summary>
/// The platform's one database. Provider-specific subclasses exist only to keep migrations apart. On PostgreSQL it
/// also holds the api replicas' shared data-protection keys.
/// </summary>
public class DataChallengeDbContext(DbContextOptions options) : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Challenge> Challenges => Set<Challenge>();
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<LeaderboardEntry> LeaderboardEntries => Set<LeaderboardEntry>();
    public DbSet<PublicFile> PublicFiles => Set<PublicFile>();
    public DbSet<PersonalToken> PersonalTokens => Set<PersonalToken>();
    public DbSet<ChallengeCollaborator> ChallengeCollaborators => Set<ChallengeCollaborator>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ChallengeTerms> ChallengeTerms => Set<ChallengeTerms>();
    public DbSet<TermsAcceptance> TermsAcceptances => Set<TermsAcceptance>();
    public DbSet<SubmissionScore> SubmissionScores => Set<SubmissionScore>();
    public DbSet<RescoreRun> RescoreRuns => Set<RescoreRun>();
    public DbSet<SentNotification> SentNotifications => Set<SentNotification>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RegistrationQuestion> RegistrationQuestions => Set<RegistrationQuestion>();
    public DbSet<RegistrationAnswer> RegistrationAnswers => Set<RegistrationAnswer>();
    public DbSet<AdministratorChange> AdministratorChanges => Set<AdministratorChange>();
    public DbSet<WinnerCandidate> WinnerCandidates => Set<WinnerCandidate>();
    public DbSet<FinalistComparisonRun> FinalistComparisonRuns => Set<FinalistComparisonRun>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit trail, published terms and their acceptances are evidence: the application may add to them, never
    // change or remove a line.
    private void RefuseAuditRewrites()
    {
        // One pass over the tracked entries: asking per type would detect changes in every entry once per type.
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted)) continue;
            var type = entry.Metadata.ClrType;
            if (type == typeof(AuditEntry) || type == typeof(AdministratorChange)) throw new InvalidOperationException("Audit entries are append-only.");
            if (type == typeof(TermsAcceptance) || type == typeof(ChallengeTerms)) throw new InvalidOperationException("Terms and their acceptances are append-only.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DataChallengeDbContext).Assembly);
    }
}

public sealed class SqliteDataChallengeDbContext(DbContextOptions<SqliteDataChallengeDbContext> options) : DataChallengeDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; UTC ticks sort the same way.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresDataChallengeDbContext(DbContextOptions<PostgresDataChallengeDbContext> options) : DataChallengeDbContext(options);
