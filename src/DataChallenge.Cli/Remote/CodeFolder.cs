using System.IO.Compression;

namespace DataChallenge.Cli.Remote;

/// <summary>
/// A code submission's folder, zipped for upload. It must say how to start it, as the server requires: <c>main.py</c>
/// at its root, or a <c>submission.yaml</c> whose <c>command:</c> line names the command. Checked here first, so a
/// missing entry point costs no upload.
/// </summary>
internal static class CodeFolder
{
    /// <summary>Null when the folder has an entry point; otherwise why not.</summary>
    public static string? EntryPointRefusal(DirectoryInfo folder)
    {
        var manifest = Path.Combine(folder.FullName, "submission.yaml");
        if (File.Exists(manifest))
            return File.ReadLines(manifest).Select(l => l.Trim()).Any(l => l.StartsWith("command:", StringComparison.Ordinal) && l["command:".Length..].Trim().Length > 0)
                ? null : "submission.yaml has no 'command:' line naming how to start your program.";
        return File.Exists(Path.Combine(folder.FullName, "main.py"))
            ? null : $"{folder.FullName} has no entry point: add main.py, or a submission.yaml with a 'command:' line.";
    }

    /// <summary>Zips the folder into a temporary file the caller deletes.</summary>
    public static string Zip(DirectoryInfo folder)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"datachallenge-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(folder.FullName, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        return zip;
    }
}
