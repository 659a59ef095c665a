using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class RescoreRunConfiguration : IEntityTypeConfiguration<RescoreRun>
{
    public void Configure(EntityTypeBuilder<RescoreRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ConfigHash).HasMaxLength(64);
        // At most one unfinished rescoring per phase, whoever asks and however often.
        builder.HasIndex(r => r.PhaseId).IsUnique().HasFilter("\"CompletedAt\" IS NULL");
        builder.HasOne<Phase>().WithMany().HasForeignKey(r => r.PhaseId);
    }
}
