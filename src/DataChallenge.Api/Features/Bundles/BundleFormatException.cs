using YamlDotNet.Core;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>A bundle was refused; <see cref="Line"/> and <see cref="Column"/> (1-based) point at the offending YAML.</summary>
public sealed class BundleFormatException(Mark at, string reason) : Exception($"Line {at.Line}, column {at.Column}: {reason}")
{
    public long Line { get; } = at.Line;
    public long Column { get; } = at.Column;
    public string Reason { get; } = reason;
}
