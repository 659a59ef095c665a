using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class ChallengeTermsConfiguration : IEntityTypeConfiguration<ChallengeTerms>
{
    public void Configure(EntityTypeBuilder<ChallengeTerms> builder)
    {
        // Two organisers publishing at once cannot both create the same version.
        builder.HasKey(t => new { t.ChallengeId, t.Version });
        builder.HasOne<Challenge>().WithMany().HasForeignKey(t => t.ChallengeId);
    }
}
