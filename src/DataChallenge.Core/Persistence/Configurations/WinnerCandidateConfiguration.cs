using DataChallenge.Core.Challenges;
using DataChallenge.Core.Closing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class WinnerCandidateConfiguration : IEntityTypeConfiguration<WinnerCandidate>
{
    public void Configure(EntityTypeBuilder<WinnerCandidate> builder)
    {
        builder.HasKey(c => c.Id);
        // A team is a candidate of a phase at most once, however often an organiser clicks.
        builder.HasIndex(c => new { c.PhaseId, c.TeamId }).IsUnique();
        builder.Property(c => c.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(WinnerVerdicts.MaxReasonLength);
        builder.OwnsOne(c => c.FactSheet, OwnFile);
        builder.OwnsOne(c => c.Code, OwnFile);
        builder.HasOne<Phase>().WithMany().HasForeignKey(c => c.PhaseId);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId);
    }

    private static void OwnFile(OwnedNavigationBuilder<WinnerCandidate, ClosingFile> file)
    {
        file.Property(f => f.ObjectKey).HasMaxLength(300);
        file.Property(f => f.FileName).HasMaxLength(200);
        file.Property(f => f.Sha256).HasMaxLength(64);
    }
}
