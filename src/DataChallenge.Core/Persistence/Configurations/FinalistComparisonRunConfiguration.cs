using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class FinalistComparisonRunConfiguration : IEntityTypeConfiguration<FinalistComparisonRun>
{
    public void Configure(EntityTypeBuilder<FinalistComparisonRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ResampledUnit).HasMaxLength(16);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => new { r.PhaseId, r.RequestedAt });
        // Nulls (organisers' runs) never collide; one automatic run per labels version does.
        builder.HasIndex(r => new { r.PhaseId, r.AutomaticForLabelsVersion }).IsUnique();
        builder.HasOne<Phase>().WithMany().HasForeignKey(r => r.PhaseId);
    }
}
