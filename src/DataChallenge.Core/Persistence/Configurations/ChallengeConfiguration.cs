using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Slug).HasMaxLength(64);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AccessKey).HasMaxLength(64);
        builder.HasMany(c => c.Phases).WithOne(p => p.Challenge).HasForeignKey(p => p.ChallengeId);
    }
}
