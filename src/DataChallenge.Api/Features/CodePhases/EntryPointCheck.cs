using System.IO.Compression;

namespace DataChallenge.Api.Features.CodePhases;

/// <summary>
/// A code submission says how to start it: <c>main.py</c> at the archive's root, or a <c>submission.yaml</c> there whose
/// <c>command:</c> names the command. Checked at upload, so a missing entry point is a clear refusal, not a wasted run.
/// </summary>
public static class EntryPointCheck
{
    public const string DefaultEntryPoint = "main.py";
    public const string ManifestFile = "submission.yaml";

    /// <summary>Null when the archive has an entry point; otherwise why not, in the competitor's words.</summary>
    public static string? Refusal(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.GetEntry(ManifestFile) is { } manifest)
        {
            using var reader = new StreamReader(manifest.Open());
            return HasCommand(reader.ReadToEnd()) ? null : $"{ManifestFile} has no 'command:' line naming how to start your program.";
        }
        return archive.GetEntry(DefaultEntryPoint) is null
            ? $"The zip has no entry point: put {DefaultEntryPoint} at its root, or a {ManifestFile} with a 'command:' line."
            : null;
    }

    public static bool HasCommand(string yaml)
        => yaml.Split('\n').Select(l => l.Trim()).Any(l => l.StartsWith("command:", StringComparison.Ordinal) && l["command:".Length..].Trim().Length > 0);
}
