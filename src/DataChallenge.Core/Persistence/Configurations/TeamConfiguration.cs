using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Team.MaxNameLength);
        // Two teams of one challenge never share a name.
        builder.HasIndex(t => new { t.ChallengeId, t.Name }).IsUnique();
        builder.Property(t => t.InviteCode).HasMaxLength(64);
        builder.HasIndex(t => t.InviteCode).IsUnique();
        builder.HasOne<Challenge>().WithMany().HasForeignKey(t => t.ChallengeId);
    }
}
