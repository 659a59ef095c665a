using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DataChallenge.Core.Persistence;

/// <summary>Stores instants as UTC ticks so SQLite can compare and sort them.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
