using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Ignore(p => p.LabelsKey);
        builder.Ignore(p => p.IsRevealed);
        builder.Ignore(p => p.Kind);
        builder.OwnsOne(p => p.Code, code =>
        {
            code.ToJson();
            code.Property(c => c.Runtime).HasMaxLength(100);
            code.Property(c => c.PredictionsFile).HasMaxLength(200);
        });
    }
}
