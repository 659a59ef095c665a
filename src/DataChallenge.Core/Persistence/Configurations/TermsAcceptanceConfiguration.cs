using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class TermsAcceptanceConfiguration : IEntityTypeConfiguration<TermsAcceptance>
{
    public void Configure(EntityTypeBuilder<TermsAcceptance> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ChallengeId, a.UserId, a.Version });
        builder.HasOne<ChallengeTerms>().WithMany().HasForeignKey(a => new { a.ChallengeId, a.Version });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId);
    }
}
