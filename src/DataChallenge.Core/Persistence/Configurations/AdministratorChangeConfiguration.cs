using DataChallenge.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class AdministratorChangeConfiguration : IEntityTypeConfiguration<AdministratorChange>
{
    public void Configure(EntityTypeBuilder<AdministratorChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Action).HasMaxLength(16);
        builder.HasIndex(c => c.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
