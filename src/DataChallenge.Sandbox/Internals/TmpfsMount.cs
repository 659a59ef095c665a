using System.Runtime.InteropServices;

namespace DataChallenge.Sandbox.Internals;

/// <summary>
/// A size-limited tmpfs over a folder of the worker (root only): what a program writes there is capped as a whole,
/// whatever the number of files, and never reaches the worker's disk.
/// </summary>
internal static partial class TmpfsMount
{
    private const nuint NoSuidNoDevNoExec = 2 | 4 | 8;
    private const int Detach = 2;

    /// <summary>Mounts; false with the reason when this process may not mount (not root, or a container without CAP_SYS_ADMIN).</summary>
    public static bool TryMount(string folder, long bytes, out string? problem)
    {
        if (mount("datachallenge-output", folder, "tmpfs", NoSuidNoDevNoExec, $"size={bytes},mode=0777") == 0)
        {
            problem = null;
            return true;
        }

        problem = $"mounting a tmpfs failed (error {Marshal.GetLastPInvokeError()})";
        return false;
    }

    /// <summary>Detaches the tmpfs; its content is freed with it.</summary>
    public static void Unmount(string folder) => umount2(folder, Detach);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mount(string source, string target, string fileSystem, nuint flags, string data);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int umount2(string target, int flags);
}
