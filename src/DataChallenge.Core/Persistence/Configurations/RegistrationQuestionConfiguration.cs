using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.HasIndex(q => new { q.ChallengeId, q.Position });
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Prompt).HasMaxLength(RegistrationQuestions.MaxPromptLength);
        builder.HasOne<Challenge>().WithMany().HasForeignKey(q => q.ChallengeId);
    }
}
