using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class RegistrationAnswerConfiguration : IEntityTypeConfiguration<RegistrationAnswer>
{
    public void Configure(EntityTypeBuilder<RegistrationAnswer> builder)
    {
        // One answer per person and question; a removed question takes its answers with it.
        builder.HasKey(a => new { a.ChallengeId, a.UserId, a.QuestionId });
        builder.HasIndex(a => a.QuestionId);
        builder.Property(a => a.Value).HasMaxLength(RegistrationQuestions.MaxAnswerLength);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => new { a.ChallengeId, a.UserId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RegistrationQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
