using DataChallenge.Core.Challenges;
using DataChallenge.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(Announcement.MaxTitleLength);
        builder.Property(a => a.Body).HasMaxLength(Announcement.MaxBodyLength);
        builder.HasIndex(a => new { a.ChallengeId, a.PublishedAt });
        builder.HasOne<Challenge>().WithMany().HasForeignKey(a => a.ChallengeId);
    }
}
