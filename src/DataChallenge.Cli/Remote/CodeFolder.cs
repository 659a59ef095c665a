using System.IO.Compression;
using DataChallenge.Sandbox;

namespace DataChallenge.Cli.Remote;

/// <summary>
/// A code submission's folder, zipped for upload. It must say how to start it, by the rule the workers apply
/// (<see cref="CodeEntryPoint"/>). Checked here first, so a missing entry point costs no upload.
/// </summary>
internal static class CodeFolder
{
    /// <summary>Null when the folder has an entry point; otherwise why not (the workers' own rule).</summary>
    public static string? EntryPointRefusal(DirectoryInfo folder) => CodeEntryPoint.Refusal(() => CodeEntryPoint.Resolve(folder.FullName));

    /// <summary>Zips the folder into a temporary file the caller deletes.</summary>
    public static string Zip(DirectoryInfo folder)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"datachallenge-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(folder.FullName, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        return zip;
    }
}
