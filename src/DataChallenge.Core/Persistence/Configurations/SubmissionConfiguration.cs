using DataChallenge.Core.Challenges;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.FileName).HasMaxLength(255);
        builder.Property(s => s.ObjectKey).HasMaxLength(300);
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.Property(s => s.ScoredConfigHash).HasMaxLength(64);
        builder.Property(s => s.InvalidReason).HasMaxLength(1000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(100);
        builder.Property(s => s.LogKey).HasMaxLength(300);
        builder.Property(s => s.Note).HasMaxLength(Submission.MaxNoteLength);
        builder.HasIndex(s => new { s.PhaseId, s.TeamId, s.ReceivedAt });
        // The re-dispatch job scans unfinished submissions by age.
        builder.HasIndex(s => new { s.Status, s.DispatchedAt });
        // The notification job reads recent outcomes.
        builder.HasIndex(s => s.FinishedAt);
        // Quotas: each place is taken once, whatever the concurrency. Null places (given back) never collide.
        builder.HasIndex(s => new { s.PhaseId, s.TeamId, s.QuotaDay, s.QuotaSlot }).IsUnique();
        builder.HasIndex(s => new { s.PhaseId, s.TeamId, s.TotalSlot }).IsUnique();
        // A retried upload finds the first one instead of creating a second.
        builder.HasIndex(s => new { s.PhaseId, s.UserId, s.IdempotencyKey }).IsUnique();
        builder.HasOne<Phase>().WithMany().HasForeignKey(s => s.PhaseId);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId);
    }
}
