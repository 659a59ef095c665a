using System.Runtime.InteropServices;

namespace DataChallenge.Sandbox.Internals;

/// <summary>
/// The seccomp program bubblewrap loads before it starts the scorer (<c>--seccomp FD</c>), compiled with libseccomp as
/// Flatpak does: every call is allowed except those a scorer never needs and that widen the kernel surface it can
/// attack. They fail with EPERM, or ENOSYS where a library should fall back to an older call.
/// </summary>
internal static partial class SeccompFilter
{
    public const string Library = "libseccomp.so.2";

    private const uint Allow = 0x7fff0000;
    private const int Eperm = 1;
    private const int Enosys = 38;

    /// <summary>Debugging, namespaces, mounts, keyrings, eBPF, perf, modules, kexec, clocks, swap, reboot and friends.</summary>
    private static readonly string[] Refused =
    [
        "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
        "unshare", "setns", "mount", "umount", "umount2", "pivot_root", "chroot", "mount_setattr", "move_mount", "open_tree",
        "fsopen", "fsconfig", "fsmount", "fspick", "name_to_handle_at", "open_by_handle_at",
        "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd", "fanotify_init", "lookup_dcookie",
        "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot", "swapon", "swapoff",
        "acct", "quotactl", "quotactl_fd", "syslog", "vhangup", "uselib", "settimeofday", "clock_settime",
        "clock_adjtime", "adjtimex", "iopl", "ioperm", "nfsservctl",
    ];

    /// <summary>Refused as "not implemented" so that runtimes fall back: io_uring to plain I/O, clone3 to clone.</summary>
    private static readonly string[] Missing = ["io_uring_setup", "io_uring_enter", "io_uring_register", "clone3"];

    /// <summary>Whether libseccomp can be loaded on this host.</summary>
    public static bool IsAvailable => NativeLibrary.TryLoad(Library, out _);

    /// <summary>Writes the compiled filter (classic BPF, native architecture only) to <paramref name="path"/>.</summary>
    public static void Write(string path)
    {
        // Calls of another architecture (32-bit x86 on x86_64) hit libseccomp's default for a foreign ABI: kill.
        var context = seccomp_init(Allow);
        if (context == IntPtr.Zero) throw new InvalidOperationException("libseccomp could not create a filter.");
        try
        {
            foreach (var name in Refused) Refuse(context, name, Eperm);
            foreach (var name in Missing) Refuse(context, name, Enosys);
            using var file = File.Create(path);
            var written = seccomp_export_bpf(context, (int)file.SafeFileHandle.DangerousGetHandle());
            if (written < 0) throw new InvalidOperationException($"libseccomp could not export the filter (error {-written}).");
        }
        finally
        {
            seccomp_release(context);
        }
    }

    private static void Refuse(IntPtr context, string name, int errno)
    {
        var number = seccomp_syscall_resolve_name(name);
        // A call this kernel's architecture does not have needs no rule.
        if (number < 0) return;
        var added = seccomp_rule_add_array(context, 0x00050000u | (uint)errno, number, 0, IntPtr.Zero);
        if (added < 0) throw new InvalidOperationException($"libseccomp refused a rule for {name} (error {-added}).");
    }

    [LibraryImport(Library)]
    private static partial IntPtr seccomp_init(uint defaultAction);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int seccomp_syscall_resolve_name(string name);

    [LibraryImport(Library)]
    private static partial int seccomp_rule_add_array(IntPtr context, uint action, int syscall, uint argumentCount, IntPtr arguments);

    [LibraryImport(Library)]
    private static partial int seccomp_export_bpf(IntPtr context, int fd);

    [LibraryImport(Library)]
    private static partial void seccomp_release(IntPtr context);
}
