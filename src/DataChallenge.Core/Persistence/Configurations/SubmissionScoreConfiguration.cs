using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class SubmissionScoreConfiguration : IEntityTypeConfiguration<SubmissionScore>
{
    public void Configure(EntityTypeBuilder<SubmissionScore> builder)
    {
        // One row per submission and scoring inputs: a redelivered result finds its row and adds nothing.
        builder.HasKey(s => new { s.SubmissionId, s.LabelsVersion, s.ConfigHash, s.ScorerVersion });
        builder.Property(s => s.ConfigHash).HasMaxLength(64);
        builder.Property(s => s.ScorerVersion).HasMaxLength(64);
        builder.Property(s => s.PrimaryMetric).HasMaxLength(64);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Message).HasMaxLength(2000);
        builder.HasIndex(s => s.RescoreRunId);
        builder.HasOne<Submission>().WithMany().HasForeignKey(s => s.SubmissionId);
    }
}
