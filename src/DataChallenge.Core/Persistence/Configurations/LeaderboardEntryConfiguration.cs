using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class LeaderboardEntryConfiguration : IEntityTypeConfiguration<LeaderboardEntry>
{
    public void Configure(EntityTypeBuilder<LeaderboardEntry> builder)
    {
        // One row per team and phase: a replayed result can update it, never add a second one.
        builder.HasKey(e => new { e.PhaseId, e.TeamId });
        builder.HasOne<Phase>().WithMany().HasForeignKey(e => e.PhaseId);
        builder.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId);
    }
}
