using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        // The key itself says: one team per user per challenge.
        builder.HasKey(p => new { p.ChallengeId, p.UserId });
        builder.HasIndex(p => p.TeamId);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Challenge>().WithMany().HasForeignKey(p => p.ChallengeId);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId);
        builder.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId);
    }
}
