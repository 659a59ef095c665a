using DataChallenge.Core.Challenges;
using DataChallenge.Core.PublicData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class PublicFileConfiguration : IEntityTypeConfiguration<PublicFile>
{
    public void Configure(EntityTypeBuilder<PublicFile> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.HasIndex(f => new { f.ChallengeId, f.Name }).IsUnique();
        builder.HasOne<Challenge>().WithMany().HasForeignKey(f => f.ChallengeId);
    }
}
