using System.IO.Compression;

namespace DataChallenge.Sandbox;

/// <summary>Caps for one archive: entry count and total uncompressed bytes (zip bombs).</summary>
public sealed record ArchiveLimits
{
    public int MaxEntries { get; init; } = 2000;
    public long MaxTotalBytes { get; init; } = 256L * 1024 * 1024;
}

/// <summary>What an accepted archive holds.</summary>
public readonly record struct ArchiveSummary(int Files, int Directories, long TotalBytes);

/// <summary>
/// Zip extraction for untrusted archives. Every entry is checked against the central directory before the first byte is
/// written: no parent segments, no absolute or drive paths, no links or device files, bounded count and size. While
/// writing, the real byte count is enforced again, because the sizes in the directory are whatever the author wrote.
/// </summary>
public static class SafeArchive
{
    private const int UnixTypeMask = 0xF000;
    private const int UnixRegularFile = 0x8000;
    private const int UnixDirectory = 0x4000;

    /// <summary>Checks an archive without writing anything.</summary>
    /// <exception cref="UnsafeArchiveException">The archive breaks a rule; the message names the entry.</exception>
    public static ArchiveSummary Check(Stream zip, ArchiveLimits limits)
    {
        using var archive = Open(zip);
        return Plan(archive, limits).Summary;
    }

    /// <summary>Extracts into <paramref name="destination"/>, which must be absent or empty.</summary>
    /// <exception cref="UnsafeArchiveException">Refused; whatever was written under the destination is removed.</exception>
    public static ArchiveSummary Extract(Stream zip, string destination, ArchiveLimits limits)
    {
        using var archive = Open(zip);
        var plan = Plan(archive, limits);
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        if (Directory.EnumerateFileSystemEntries(root).Any()) throw new UnsafeArchiveException("The extraction folder is not empty.");

        try
        {
            long written = 0;
            foreach (var (entry, relative, isDirectory) in plan.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, relative));
                // Plan already refused such names; this keeps the invariant even if Plan is ever changed.
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new UnsafeArchiveException($"The entry '{entry.FullName}' points outside the archive's folder.");
                if (isDirectory)
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var input = entry.Open();
                // CreateNew never follows or replaces something already there.
                using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                written = Copy(input, output, entry, written, limits.MaxTotalBytes);
            }

            return plan.Summary;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnsafeArchiveException)
        {
            TryDelete(root);
            throw e as UnsafeArchiveException ?? new UnsafeArchiveException($"The archive could not be extracted: {e.Message}");
        }
    }

    private static ZipArchive Open(Stream zip)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new UnsafeArchiveException($"The file is not a zip archive: {e.Message}");
        }
    }

    private static (ArchiveSummary Summary, List<(ZipArchiveEntry Entry, string Relative, bool IsDirectory)> Entries) Plan(ZipArchive archive, ArchiveLimits limits)
    {
        if (archive.Entries.Count > limits.MaxEntries)
            throw new UnsafeArchiveException($"The archive holds {archive.Entries.Count} entries; at most {limits.MaxEntries} are allowed.");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<(ZipArchiveEntry, string, bool)>();
        long total = 0;
        int files = 0, directories = 0;
        foreach (var entry in archive.Entries)
        {
            var isDirectory = CheckType(entry);
            var relative = CheckName(entry.FullName);
            if (!seen.Add(relative)) throw new UnsafeArchiveException($"The entry '{entry.FullName}' appears twice.");
            if (isDirectory)
            {
                directories++;
            }
            else
            {
                files++;
                total += entry.Length;
                if (entry.Length < 0 || total > limits.MaxTotalBytes)
                    throw new UnsafeArchiveException($"The archive unpacks to more than {limits.MaxTotalBytes} bytes.");
            }

            entries.Add((entry, relative, isDirectory));
        }

        // A file whose parent is also listed as a file would make extraction fail half-way; refuse it up front.
        var fileNames = entries.Where(e => !e.Item3).Select(e => e.Item2).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, relative, _) in entries)
        {
            for (var parent = Path.GetDirectoryName(relative); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
            {
                if (fileNames.Contains(parent))
                    throw new UnsafeArchiveException($"The entry '{relative}' lies under a file of the same name.");
            }
        }

        return (new ArchiveSummary(files, directories, total), entries);
    }

    private static bool CheckType(ZipArchiveEntry entry)
    {
        var isDirectory = entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');
        // Archives made on Unix carry the file type in the upper half of the external attributes; others leave it 0.
        var type = (entry.ExternalAttributes >> 16) & UnixTypeMask;
        if (type == 0) return isDirectory;
        if (type == UnixDirectory) return true;
        if (type == UnixRegularFile && !isDirectory) return false;
        throw new UnsafeArchiveException($"The entry '{entry.FullName}' is a link or a special file; only plain files and folders are allowed.");
    }

    private static string CheckName(string name)
    {
        if (name.Length == 0 || name.Length > 1024) throw new UnsafeArchiveException("The archive holds an entry with an empty or overlong name.");
        if (name.Any(c => char.IsControl(c) || c == ':'))
            throw new UnsafeArchiveException($"The entry '{Printable(name)}' holds a control character or ':'.");
        // Archives made on Windows may use backslashes; treating them as separators keeps "..\" from slipping through.
        var normalised = name.Replace('\\', '/');
        if (normalised.StartsWith('/')) throw new UnsafeArchiveException($"The entry '{name}' is an absolute path.");
        var segments = normalised.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) throw new UnsafeArchiveException($"The entry '{name}' has no name.");
        if (segments.Any(s => s is ".." or "."))
            throw new UnsafeArchiveException($"The entry '{name}' uses '..' or '.'; entries must stay inside the archive's folder.");
        return string.Join(Path.DirectorySeparatorChar, segments);
    }

    private static long Copy(Stream input, Stream output, ZipArchiveEntry entry, long written, long limit)
    {
        var buffer = new byte[81920];
        long entryBytes = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            entryBytes += read;
            if (entryBytes > entry.Length || written > limit)
                throw new UnsafeArchiveException($"The entry '{entry.FullName}' unpacks to more bytes than the archive declares.");
            output.Write(buffer, 0, read);
        }

        return written;
    }

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static void TryDelete(string root)
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>An archive was refused; the message names the entry and the rule, for the organiser.</summary>
public sealed class UnsafeArchiveException(string message) : Exception(message);
