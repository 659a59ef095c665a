namespace DataChallenge.Testing;

/// <summary>A fresh server with two signed-up people, an owner of challenges and an outsider to them, and an anonymous client.</summary>
public abstract class OwnerAndOutsiderTests : IAsyncLifetime
{
    protected ServerFactory Server { get; } = new();
    protected ApiSession Owner { get; private set; } = null!;
    protected ApiSession Outsider { get; private set; } = null!;
    protected HttpClient Anonymous { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Owner = await ApiSession.RegisterAsync(Server.CreateClient());
        Outsider = await ApiSession.RegisterAsync(Server.CreateClient());
        Anonymous = Server.CreateClient();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
