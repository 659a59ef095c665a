using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class ChallengeCollaboratorConfiguration : IEntityTypeConfiguration<ChallengeCollaborator>
{
    public void Configure(EntityTypeBuilder<ChallengeCollaborator> builder)
    {
        builder.HasKey(c => new { c.ChallengeId, c.UserId });
        builder.HasOne<Challenge>().WithMany().HasForeignKey(c => c.ChallengeId);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId);
    }
}
