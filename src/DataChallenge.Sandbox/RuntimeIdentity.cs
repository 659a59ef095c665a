using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using DataChallenge.Sandbox.Internals;

namespace DataChallenge.Sandbox;

/// <summary>
/// Names exactly what a runtime is, so a score can say what code ran on. Under bubblewrap the <c>python</c> runtime is
/// the host's Debian packages of <c>scoring-images/python/runtime-packages.txt</c>: its identity is the SHA-256 of their
/// sorted <c>package=version</c> lines, so two hosts agree exactly when their packages do. In a container it is the
/// image's digest.
/// </summary>
public static class RuntimeIdentity
{
    public const string HostRuntime = "python";
    private const string PackagesResource = "DataChallenge.Sandbox.runtime-packages.txt";

    private static readonly Lazy<Task<string?>> s_host = new(() => HostPackagesIdentityAsync(CancellationToken.None));

    /// <summary>The Debian packages of the host runtime, as listed in the one file install.sh and the Dockerfile use too.</summary>
    public static IReadOnlyList<string> Packages { get; } = ReadPackages();

    /// <summary>The identity of <paramref name="runtime"/> in <paramref name="sandbox"/>; null when the sandbox does not offer it.</summary>
    public static async Task<string?> OfAsync(ISandbox sandbox, SandboxOptions options, string runtime, CancellationToken cancellationToken)
    {
        if (sandbox is ContainerSandbox)
            return options.Runtimes.TryGetValue(runtime, out var image) ? await ImageDigestAsync(options, image, cancellationToken) : null;
        return runtime == HostRuntime ? await s_host.Value : null;
    }

    /// <summary>
    /// "debian-sha256:…" over the exact installed versions; a missing package counts as "absent", so it changes the hash.
    /// Null on a host without dpkg: there the runtime is not the one the list describes.
    /// </summary>
    public static async Task<string?> HostPackagesIdentityAsync(CancellationToken cancellationToken)
    {
        ProgramRun run;
        try
        {
            run = await ProcessRunner.RunAsync("dpkg-query", ["-W", "-f=${Package}=${Version}\\n", .. Packages], QueryLimits, null, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        var installed = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[1].Length > 0).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var lines = Packages.Select(p => $"{p}={installed.GetValueOrDefault(p, "absent")}").Order(StringComparer.Ordinal);
        return "debian-sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")));
    }

    private static async Task<string?> ImageDigestAsync(SandboxOptions options, string image, CancellationToken cancellationToken)
    {
        try
        {
            var run = await ProcessRunner.RunAsync(options.DockerPath, ["image", "inspect", "--format", "{{.Id}}", image], QueryLimits, null,
                cancellationToken, ContainerSandbox.ClientEnvironment());
            return run.Succeeded && run.Stdout.Trim() is { Length: > 0 } id ? id : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static SandboxLimits QueryLimits => new() { WallClock = TimeSpan.FromSeconds(30), CapturedOutputBytes = 64 * 1024, MaxOutputBytes = 1024 * 1024 };

    private static List<string> ReadPackages()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(PackagesResource)
            ?? throw new InvalidOperationException($"The resource {PackagesResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }
}
