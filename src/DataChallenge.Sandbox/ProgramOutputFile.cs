using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DataChallenge.Sandbox;

/// <summary>
/// Reads a file a program left in its output folder. The program chose what the name is: a FIFO would block an
/// ordinary open forever, a link would point the worker at one of its own files, a device would never end. So the file
/// is opened without following links and without waiting, and read only when it is a regular file within the cap.
/// Nothing here can block: the sandbox's processes are gone, and a regular file on a local disk answers at once.
/// </summary>
public static partial class ProgramOutputFile
{
    private const int ELOOP = 40;
    private const int ENOENT = 2;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeAndSize = 0x1 | 0x200;
    private const ushort TypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;

    /// <summary>The file's bytes; null when the program wrote no such file.</summary>
    /// <exception cref="ProgramOutputException">The name is a link, a FIFO, a device or a folder, or it is larger than <paramref name="maxBytes"/>.</exception>
    public static byte[]? TryRead(string path, long maxBytes)
    {
        var name = Path.GetFileName(path);
        var fd = open(path, OpenFlags);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error switch
            {
                ENOENT => null,
                ELOOP => throw new ProgramOutputException($"{name} is a link; it must be a regular file."),
                _ => throw new ProgramOutputException($"{name} cannot be opened (error {error})."),
            };
        }

        using var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        var status = new byte[256];
        if (statx(fd, "", AtEmptyPath, StatxTypeAndSize, status) != 0)
            throw new ProgramOutputException($"{name} cannot be examined (error {Marshal.GetLastPInvokeError()}).");
        if ((BitConverter.ToUInt16(status, 28) & TypeMask) != RegularFile)
            throw new ProgramOutputException($"{name} is not a regular file (a FIFO, device, socket or folder).");
        var size = BitConverter.ToInt64(status, 40);
        if (size > maxBytes) throw new ProgramOutputException($"{name} is larger than {maxBytes} bytes.");

        // Read one byte past the cap, in case the size changed since statx.
        var buffer = new byte[size + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0) total += read;
        if (total > maxBytes) throw new ProgramOutputException($"{name} is larger than {maxBytes} bytes.");
        return buffer[..total];
    }

    // O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC; O_NOFOLLOW's value differs on ARM.
    private static int OpenFlags => 0x800 | 0x80000 | (RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int directoryFd, string path, int flags, uint mask, [Out] byte[] status);
}
