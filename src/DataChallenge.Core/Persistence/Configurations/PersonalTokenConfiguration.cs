using DataChallenge.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class PersonalTokenConfiguration : IEntityTypeConfiguration<PersonalToken>
{
    public void Configure(EntityTypeBuilder<PersonalToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Hash).HasMaxLength(64);
        // Every authenticated request looks its token up by hash.
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => new { t.UserId, t.Name }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
