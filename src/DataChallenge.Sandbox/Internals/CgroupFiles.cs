using System.Diagnostics;

namespace DataChallenge.Sandbox.Internals;

/// <summary>What cgroup v1 and v2 groups share: their member list, their counters, killing and removing.</summary>
internal static class CgroupFiles
{
    /// <summary>Kills every member listed in <paramref name="procsFile"/> until there is none (a fork bomb refills it while we read).</summary>
    public static void KillAll(string procsFile)
    {
        for (var round = 0; round < 50; round++)
        {
            var pids = Members(procsFile).ToList();
            if (pids.Count == 0) return;
            foreach (var pid in pids)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (ArgumentException) { }
                catch (InvalidOperationException) { }
                catch (System.ComponentModel.Win32Exception) { }
            }

            Thread.Sleep(20);
        }
    }

    public static IEnumerable<int> Members(string procsFile)
    {
        string text;
        try { text = File.ReadAllText(procsFile); } catch (IOException) { yield break; }
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(line, out var pid)) yield return pid;
        }
    }

    /// <summary>The value after <paramref name="key"/> ("oom_kill 1"), or of a one-number file when the key is null; -1 when absent.</summary>
    public static long ReadCounter(string file, string? key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (key is null && parts.Length == 1 && long.TryParse(parts[0], out var value)) return value;
                if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], out var keyed)) return keyed;
            }
        }
        catch (IOException)
        {
        }

        return -1;
    }

    /// <summary>A one-number high-water mark file; null when it is absent or unreadable.</summary>
    public static long? ReadPeak(string file) => ReadCounter(file, null) is >= 0 and var bytes ? bytes : null;

    public static void TryRemove(string folder)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                Directory.Delete(folder);
                return;
            }
            catch (IOException)
            {
                // The last members may still be exiting.
                Thread.Sleep(50);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
