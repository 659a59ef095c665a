namespace DataChallenge.Sandbox.Tests;

public sealed class RuntimeIdentityTests
{
    [Fact]
    public void Packages_AreTheListOfTheRuntimeImage_WhenReadFromTheBuild()
    {
        var file = Path.Combine(RepositoryRoot(), "scoring-images", "python", "runtime-packages.txt");
        var listed = File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Equal(listed, RuntimeIdentity.Packages);
        Assert.Contains("python3-torch", RuntimeIdentity.Packages);
        Assert.Contains("python3-openslide", RuntimeIdentity.Packages);
    }

    [Fact]
    public async Task OfAsync_IsAStableHashOfThePackageVersions_WhenTheRuntimeIsTheHosts()
    {
        var sandbox = new BubblewrapSandbox(new SandboxOptions());

        var first = await RuntimeIdentity.OfAsync(sandbox, new SandboxOptions(), "python", TestContext.Current.CancellationToken);
        var second = await RuntimeIdentity.HostPackagesIdentityAsync(TestContext.Current.CancellationToken);

        Assert.Matches("^debian-sha256:[0-9a-f]{64}$", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task OfAsync_IsNull_WhenTheHostHasNoSuchRuntime()
    {
        var identity = await RuntimeIdentity.OfAsync(new BubblewrapSandbox(new SandboxOptions()), new SandboxOptions(), "r", TestContext.Current.CancellationToken);

        Assert.Null(identity);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DataChallenge.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
