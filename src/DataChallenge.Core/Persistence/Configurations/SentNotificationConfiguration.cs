using DataChallenge.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataChallenge.Core.Persistence.Configurations;

public sealed class SentNotificationConfiguration : IEntityTypeConfiguration<SentNotification>
{
    public void Configure(EntityTypeBuilder<SentNotification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Topic).HasConversion<string>().HasMaxLength(32);
        // One mail per topic, item and reader, however many runs try.
        builder.HasIndex(n => new { n.Topic, n.ItemId, n.UserId }).IsUnique();
    }
}
