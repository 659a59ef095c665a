using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DataChallenge.IntegrationTests.Outages;

/// <summary>
/// A loopback port in front of a real service that a test can cut. Open forwards bytes both ways; Refusing closes
/// every connection and refuses new ones, as a stopped service does; Silent accepts connections and never answers,
/// as a hung host or a cut network does.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    public enum Mode { Open, Refusing, Silent }

    private readonly string _host;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private volatile Mode _mode = Mode.Open;

    public TcpGate(string host, int targetPort)
    {
        _host = host;
        _targetPort = targetPort;
        Port = Listen(0);
    }

    public int Port { get; }

    public void Set(Mode mode)
    {
        _mode = mode;
        foreach (var connection in _connections.Keys) connection.Dispose();
        _connections.Clear();
        if (mode == Mode.Refusing)
        {
            _listener?.Stop();
            _listener = null;
        }
        else if (_listener is null)
        {
            Listen(Port);
        }
    }

    private int Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException) { return; }
            _connections[client] = 0;
            if (_mode == Mode.Open) _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        _connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_host, _targetPort, _stop.Token);
            var inbound = client.GetStream();
            var outbound = upstream.GetStream();
            await Task.WhenAny(inbound.CopyToAsync(outbound, _stop.Token), outbound.CopyToAsync(inbound, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException) { }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener?.Stop();
        foreach (var connection in _connections.Keys) connection.Dispose();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
