using System.Net;
using System.Net.Sockets;

namespace DataChallenge.IntegrationTests.Faults;

/// <summary>
/// A TCP proxy on loopback between a process and a service that the test can cut like a network: while cut, bytes
/// are held in both directions and new connections hang; neither side sees a close. Restoring lets traffic through
/// again on whatever connections both ends still consider open.
/// </summary>
public sealed class NetworkCut : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private TaskCompletionSource _toService = Opened();
    private TaskCompletionSource _toClient = Opened();

    public NetworkCut(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        CutReplies();
        if (_toService.Task.IsCompleted) _toService = Closed();
    }

    /// <summary>Holds only what the service sends: requests still arrive, but no answer (no publish confirm) comes back.</summary>
    public void CutReplies()
    {
        if (_toClient.Task.IsCompleted) _toClient = Closed();
    }

    public void Restore()
    {
        _toService.TrySetResult();
        _toClient.TrySetResult();
    }

    private static TaskCompletionSource Closed() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Resets every open connection, as a broker that dies does; whatever was in flight is lost.</summary>
    public void Drop()
    {
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                // A connection its pump already closed has no socket left to reset.
                if (connection.Client is { } socket) socket.LingerState = new LingerOption(true, 0);
                connection.Dispose();
            }
            _connections.Clear();
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = Closed();
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var target = new TcpClient();
        lock (_connections) _connections.AddRange([client, target]);
        try
        {
            await _toService.Task.WaitAsync(_stop.Token);
            await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client.GetStream(), target.GetStream(), () => _toService),
                PumpAsync(target.GetStream(), client.GetStream(), () => _toClient));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away; the other is closed below, as a real disconnection would.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Func<TaskCompletionSource> gate)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            // A close seen during a cut stays unseen until the network is back, like a FIN lost on the way.
            await gate().Task.WaitAsync(_stop.Token);
            if (read == 0) return;
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_connections) foreach (var connection in _connections) connection.Dispose();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
