using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;

namespace DataChallenge.Cli.Tests.Commands;

public sealed class LoginCommandTests : IAsyncLifetime
{
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        _cli = new CliSession(_challenge.Server);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public async Task Login_StoresServerAndTokenReadableByTheOwnerOnly_WhenTheTokenIsValid()
    {
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);

        var (code, output, error) = _cli.Run("login", "--server", CliSession.Server, "--token", token);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains(_challenge.Competitor.Email, output, StringComparison.Ordinal);
        using var config = JsonDocument.Parse(File.ReadAllText(_cli.ConfigPath));
        Assert.Equal(token, config.RootElement.GetProperty("token").GetString());
        Assert.Equal(CliSession.Server + "/", config.RootElement.GetProperty("server").GetString());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.ConfigPath));
    }

    [Fact]
    public async Task Login_ResetsTheModeTo600_WhenTheConfigFileExistedWithAWiderMode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("File modes are a Unix notion.");
            return;
        }
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.ConfigPath)!);
        File.WriteAllText(_cli.ConfigPath, "{}");
        File.SetUnixFileMode(_cli.ConfigPath, (UnixFileMode)Convert.ToInt32("644", 8));

        var (code, _, _) = _cli.Run("login", "--server", CliSession.Server, "--token", token);

        Assert.Equal(0, code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.ConfigPath));
    }

    [Fact]
    public void Login_Returns1AndStoresNothing_WhenTheServerRefusesTheToken()
    {
        var (code, output, error) = _cli.Run("login", "--server", CliSession.Server, "--token", "dc_" + new string('x', 43));

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("refused the token", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.ConfigPath));
    }

    [Fact]
    public void Login_Returns64_WhenTheTokenIsMissing()
    {
        var (code, _, error) = _cli.Run("login", "--server", CliSession.Server);

        Assert.Equal(64, code);
        Assert.Contains("--token", error, StringComparison.Ordinal);
    }
}
