using DataChallenge.Sandbox;

namespace DataChallenge.Testing;

/// <summary>Gate for tests that start real sandboxed processes: skipped locally without bwrap, failed under CI=true.</summary>
public static class Bubblewrap
{
    public static void Require()
    {
        if (BubblewrapSandbox.IsAvailable(new SandboxOptions(), out var reason)) return;
        var message = $"{reason} Run `bash tests/services/install.sh` (or apt-get install -y bubblewrap).";
        if (DataChallenge.Testing.Services.InCi) throw new InvalidOperationException("CI=true requires bubblewrap: " + message);
        Assert.Skip("SKIPPED — " + message);
    }

    /// <summary>Whether this process can create cgroup v1 groups (root on a v1 host): the memory and pids caps need it.</summary>
    public static bool CgroupsWritable => Environment.IsPrivilegedProcess && Directory.Exists("/sys/fs/cgroup/memory") && Directory.Exists("/sys/fs/cgroup/pids");
}
